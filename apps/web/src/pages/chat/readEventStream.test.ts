import { describe, expect, it } from 'vitest';
import { splitFrames } from './readEventStream.js';

describe('splitFrames', () => {
  it('returns complete frames and keeps a frame cut in the middle for the next piece', () => {
    const first = splitFrames('event: text\ndata: {"delta":"Hel"}\n\nevent: text\ndata: {"del');
    expect(first.frames).toEqual([{ event: 'text', data: { delta: 'Hel' } }]);
    const second = splitFrames(`${first.rest}ta":"lo"}\n\nevent: done\ndata: {"answer":"Hello"}\n\n`);
    expect(second.frames).toEqual([
      { event: 'text', data: { delta: 'lo' } },
      { event: 'done', data: { answer: 'Hello' } },
    ]);
    expect(second.rest).toBe('');
  });
});
