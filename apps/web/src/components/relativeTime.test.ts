import { describe, expect, it } from 'vitest';
import { relativeTime } from './relativeTime.js';

describe('relativeTime', () => {
  const now = new Date('2026-12-07T12:00:00.000Z');
  it.each([
    ['2026-12-07T12:00:00.000Z', 'now'],
    ['2026-12-07T12:00:05.000Z', 'now'],
    ['2026-12-07T11:59:58.500Z', '1 second ago'],
    ['2026-12-07T11:59:15.000Z', '45 seconds ago'],
    ['2026-12-07T11:55:00.000Z', '5 minutes ago'],
    ['2026-12-07T09:00:00.000Z', '3 hours ago'],
    ['2026-12-06T11:00:00.000Z', 'yesterday'],
    ['2026-11-27T12:00:00.000Z', '10 days ago'],
  ])('says %s was %s', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });
});
