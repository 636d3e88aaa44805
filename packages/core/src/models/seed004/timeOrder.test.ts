import { describe, expect, it } from 'vitest';
import { notBefore, strictlyAfter } from './timeOrder.js';

const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-01T00:00:01.000Z';

describe('notBefore', () => {
  it('holds for equal or later ends and when a side is missing', () => {
    expect(notBefore(t0, t0)).toBe(true);
    expect(notBefore(t0, t1)).toBe(true);
    expect(notBefore(undefined, t0)).toBe(true);
    expect(notBefore(t0, undefined)).toBe(true);
  });

  it('fails for an end before the start', () => {
    expect(notBefore(t1, t0)).toBe(false);
  });
});

describe('strictlyAfter', () => {
  it('refuses empty and reversed periods', () => {
    expect(strictlyAfter(t0, t1)).toBe(true);
    expect(strictlyAfter(t0, t0)).toBe(false);
    expect(strictlyAfter(t1, t0)).toBe(false);
  });
});
