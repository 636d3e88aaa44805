import { describe, expect, it } from 'vitest';
import { editDistance, isTypoOf } from './editDistance.js';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('shop', 'shpo')).toBe(1);
    expect(editDistance('linux', 'linx')).toBe(1);
    expect(editDistance('web', 'api')).toBe(3);
  });
  it('takes short words to be typos only one edit apart', () => {
    expect(isTypoOf('shop', 'shpo')).toBe(true);
    expect(isTypoOf('web', 'api')).toBe(false);
    expect(isTypoOf('frontend', 'frnotedn')).toBe(true);
    expect(isTypoOf('same', 'same')).toBe(false);
  });
});
