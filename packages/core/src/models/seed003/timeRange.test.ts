import { describe, expect, it } from 'vitest';
import { TimeRange } from './timeRange.js';

const start = '2026-01-01T00:00:00Z';
const end = '2026-01-02T00:00:00Z';

function messageOf(input: unknown): string | undefined {
  const result = TimeRange.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('TimeRange', () => {
  it.each(['30s', '5m', '1h', '7d', '2w'])('accepts the duration %s', (duration) => {
    expect(TimeRange.safeParse({ duration }).success).toBe(true);
  });

  it.each(['1y', 'h', '1.5h', '-1h', '1 h', ''])('refuses the duration %j', (duration) => {
    expect(TimeRange.safeParse({ duration }).success).toBe(false);
  });

  it('accepts an ordered start and end, including an empty window', () => {
    expect(TimeRange.parse({ start, end })).toEqual({ start, end });
    expect(TimeRange.safeParse({ start, end: start }).success).toBe(true);
  });

  it('refuses neither form', () => {
    expect(messageOf({})).toBe('give either start and end, or a duration such as 1h');
  });

  it('refuses a start after the end', () => {
    expect(messageOf({ start: end, end: start })).toBe('start must not be after end');
  });

  it('refuses half an absolute window', () => {
    expect(messageOf({ start })).toBe('give start and end together');
    expect(messageOf({ end })).toBe('give start and end together');
  });

  it('refuses both forms at once', () => {
    expect(messageOf({ start, end, duration: '1h' })).toBe('give start and end, or a duration, not both');
    expect(messageOf({ start, duration: '1h' })).toBe('give start and end, or a duration, not both');
  });
});
