import { describe, expect, it } from 'vitest';
import { toneOf } from './toneOf.js';

describe('toneOf', () => {
  it('colours good, risky and bad words', () => {
    expect(toneOf('ONLINE')).toBe('good');
    expect(toneOf('destructive')).toBe('bad');
    expect(toneOf('write')).toBe('warn');
    expect(toneOf('warning')).toBe('warn');
  });

  it('falls back to neutral', () => {
    expect(toneOf('SOMETHING_NEW')).toBe('neutral');
  });
});
