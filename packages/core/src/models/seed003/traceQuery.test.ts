import { describe, expect, it } from 'vitest';
import { TraceQuery } from './traceQuery.js';

describe('TraceQuery', () => {
  it('applies the seed defaults', () => {
    expect(TraceQuery.parse({})).toEqual({ cluster_ids: [], tags: {}, limit: 20 });
  });

  it.each([1, 100])('accepts a limit of %d', (limit) => {
    expect(TraceQuery.safeParse({ limit }).success).toBe(true);
  });

  it.each([0, 101, 1.5])('refuses a limit of %d', (limit) => {
    const result = TraceQuery.safeParse({ limit });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['limit']);
  });

  it('accepts wildcard services and tag filters', () => {
    const q = TraceQuery.parse({ service_name: 'order-*', tags: { 'http.status_code': '500', error: 'true' } });
    expect(q.tags).toEqual({ 'http.status_code': '500', error: 'true' });
  });

  it('refuses non-string tag values', () => {
    expect(TraceQuery.safeParse({ tags: { 'http.status_code': 500 } }).success).toBe(false);
  });

  it('refuses an inverted duration filter and an inverted window', () => {
    expect(TraceQuery.safeParse({ min_duration_ms: 100, max_duration_ms: 100 }).success).toBe(true);
    expect(TraceQuery.safeParse({ min_duration_ms: 500, max_duration_ms: 100 }).success).toBe(false);
    expect(TraceQuery.safeParse({ min_duration_ms: -1 }).success).toBe(false);
    const late = { start_time: '2026-01-02T00:00:00Z', end_time: '2026-01-01T00:00:00Z' };
    expect(TraceQuery.safeParse(late).success).toBe(false);
  });
});
