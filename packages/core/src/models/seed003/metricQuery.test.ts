import { describe, expect, it } from 'vitest';
import { MAX_PROMQL_LENGTH, MetricQuery } from './metricQuery.js';

const query = 'sum(rate(container_cpu_usage_seconds_total[5m])) by (namespace)';

describe('MetricQuery', () => {
  it('applies the seed defaults', () => {
    expect(MetricQuery.parse({ query })).toEqual({ query, cluster_ids: [], step: '1m', timeout: 30 });
  });

  it.each([1, 300])('accepts a timeout of %d seconds', (timeout) => {
    expect(MetricQuery.safeParse({ query, timeout }).success).toBe(true);
  });

  it.each([0, 301, 2.5, -5])('refuses a timeout of %d seconds', (timeout) => {
    const result = MetricQuery.safeParse({ query, timeout });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['timeout']);
  });

  it('requires a non-empty query of bounded length', () => {
    expect(MetricQuery.safeParse({}).success).toBe(false);
    expect(MetricQuery.safeParse({ query: '   ' }).success).toBe(false);
    expect(MetricQuery.safeParse({ query: 'x'.repeat(MAX_PROMQL_LENGTH) }).success).toBe(true);
    expect(MetricQuery.safeParse({ query: 'x'.repeat(MAX_PROMQL_LENGTH + 1) }).success).toBe(false);
  });

  it('requires the step to be a positive duration', () => {
    expect(MetricQuery.parse({ query, step: '15s' }).step).toBe('15s');
    expect(MetricQuery.safeParse({ query, step: '1 minute' }).success).toBe(false);
    expect(MetricQuery.safeParse({ query, step: '1y' }).success).toBe(false);
    expect(MetricQuery.safeParse({ query, step: '0s' }).success).toBe(false);
  });

  it('requires cluster ids to be UUIDs', () => {
    expect(MetricQuery.safeParse({ query, cluster_ids: ['6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f'] }).success).toBe(true);
    expect(MetricQuery.safeParse({ query, cluster_ids: ['prod-east-1'] }).success).toBe(false);
  });

  it('refuses a window that ends before it starts', () => {
    const window = { start_time: '2026-01-01T01:00:00Z', end_time: '2026-01-01T00:00:00Z' };
    const result = MetricQuery.safeParse({ query, ...window });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['end_time']);
    expect(MetricQuery.safeParse({ query, start_time: window.end_time, end_time: window.start_time }).success).toBe(
      true,
    );
  });
});
