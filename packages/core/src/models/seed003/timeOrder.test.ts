import { describe, expect, it } from 'vitest';
import { isInOrder } from './timeOrder.js';

describe('isInOrder', () => {
  it('accepts an ordered or equal pair and a pair with a missing side', () => {
    expect(isInOrder('2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z')).toBe(true);
    expect(isInOrder('2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(isInOrder(undefined, '2026-01-01T00:00:00Z')).toBe(true);
    expect(isInOrder('2026-01-01T00:00:00Z', undefined)).toBe(true);
  });

  it('refuses a start after the end', () => {
    expect(isInOrder('2026-01-01T00:00:01Z', '2026-01-01T00:00:00Z')).toBe(false);
  });
});
