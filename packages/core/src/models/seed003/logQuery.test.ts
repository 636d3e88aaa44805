import { describe, expect, it } from 'vitest';
import { LogQuery } from './logQuery.js';

const query = '{namespace="default"} |= "error"';

describe('LogQuery', () => {
  it('applies the seed defaults', () => {
    expect(LogQuery.parse({ query })).toEqual({ query, cluster_ids: [], limit: 100, direction: 'BACKWARD' });
  });

  it.each([1, 5000])('accepts a limit of %d', (limit) => {
    expect(LogQuery.safeParse({ query, limit }).success).toBe(true);
  });

  it.each([0, 5001, 10.5])('refuses a limit of %d', (limit) => {
    const result = LogQuery.safeParse({ query, limit });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['limit']);
  });

  it('requires a non-empty query and a known direction', () => {
    expect(LogQuery.safeParse({}).success).toBe(false);
    expect(LogQuery.safeParse({ query: ' ' }).success).toBe(false);
    expect(LogQuery.safeParse({ query, direction: 'FORWARD' }).success).toBe(true);
    expect(LogQuery.safeParse({ query, direction: 'backward' }).success).toBe(false);
  });

  it('refuses a window that ends before it starts', () => {
    const late = { query, start_time: '2026-01-02T00:00:00Z', end_time: '2026-01-01T00:00:00Z' };
    expect(LogQuery.safeParse(late).success).toBe(false);
    expect(LogQuery.safeParse({ ...late, end_time: late.start_time }).success).toBe(true);
  });
});
