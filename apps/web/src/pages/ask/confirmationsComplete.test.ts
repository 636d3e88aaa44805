import { describe, expect, it } from 'vitest';
import { confirmationsComplete } from './confirmationsComplete.js';

describe('confirmationsComplete', () => {
  it('needs every name, exactly', () => {
    expect(confirmationsComplete(['todo', 'backend'], ['todo', ' backend '])).toBe(true);
    expect(confirmationsComplete(['todo', 'backend'], ['todo', 'Backend'])).toBe(false);
    expect(confirmationsComplete(['todo'], [''])).toBe(false);
  });

  it('is complete when nothing is asked for', () => {
    expect(confirmationsComplete([], [])).toBe(true);
  });
});
