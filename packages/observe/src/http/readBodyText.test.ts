import { describe, expect, it } from 'vitest';
import { readBodyText } from './readBodyText.js';

const bodyOf = (bytes: Uint8Array | string) => new Response(bytes);

describe('readBodyText', () => {
  it.each([
    ['ASCII JSON', '{"status":"success","data":{"resultType":"matrix","result":[]}}'],
    ['UTF-8 labels', '{"metric":{"pod":"café-☃-😀"}}'],
    ['an empty body', ''],
  ])('reads %s as response.text() does', async (_, text) => {
    expect(await readBodyText(bodyOf(text))).toBe(await bodyOf(text).text());
  });

  it('drops a leading byte-order mark and replaces invalid UTF-8 as response.text() does', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0xc3, 0x7d]);
    const text = await readBodyText(bodyOf(bytes));
    expect(text).toBe(await bodyOf(bytes).text());
    expect(text).toBe('{\ufffd\ufffd}');
  });
});
