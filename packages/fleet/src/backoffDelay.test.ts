import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoffDelay.js';

describe('backoffDelay', () => {
  it('doubles from the first wait and stops at the cap', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(20)).toBe(30_000);
    expect(backoffDelay(2, { initialMs: 100, maxMs: 300 })).toBe(300);
  });
});
