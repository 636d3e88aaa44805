import { describe, expect, it } from 'vitest';
import { retryDelay } from './retryDelay.js';

const now = new Date('2026-01-01T00:00:00Z');
const policy = { initialDelayMs: 1_000 };

describe('retryDelay', () => {
  it('doubles the first delay on each retry when the server asks nothing', () => {
    expect([1, 2, 3].map((n) => retryDelay(n, {}, policy, now))).toEqual([1_000, 2_000, 4_000]);
  });

  it('honours Retry-After in seconds or as an HTTP date, and retry-after-ms first', () => {
    expect(retryDelay(1, { 'Retry-After': '12' }, policy, now)).toBe(12_000);
    expect(retryDelay(1, { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, policy, now)).toBe(30_000);
    expect(retryDelay(1, { 'retry-after-ms': '250', 'retry-after': '9' }, policy, now)).toBe(250);
  });

  it('falls back to back-off on an unreadable Retry-After', () => {
    expect(retryDelay(2, { 'retry-after': 'soon' }, policy, now)).toBe(2_000);
  });
});
