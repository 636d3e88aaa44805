import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderColumns, renderOutput } from './renderOutput.js';

describe('renderOutput', () => {
  const data = { name: 'opspilot', nested: { port: 8080, tags: ['a', 'b'] } };

  it('renders indented JSON and a YAML document that parse back to the data', () => {
    const json = renderOutput(data, 'json');
    expect(json).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(parse(renderOutput(data, 'yaml'))).toEqual(data);
  });

  it('uses the text renderer for text and always ends with one newline', () => {
    expect(renderOutput(data, 'text', (d) => `name ${d.name}`)).toBe('name opspilot\n');
    expect(renderOutput('already\n', 'text')).toBe('already\n');
    expect(renderOutput(data, 'text')).toContain('nested:\n  port: 8080');
  });

  it('aligns columns without trailing spaces', () => {
    expect(
      renderColumns([
        ['KEY', 'VALUE'],
        ['server.port', '8080'],
        ['x', ''],
      ]),
    ).toBe('KEY          VALUE\nserver.port  8080\nx');
  });
});
