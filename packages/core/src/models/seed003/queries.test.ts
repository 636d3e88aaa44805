import { describe, expect, it } from 'vitest';
import { LogQuery } from './logs.js';
import { MetricQuery } from './metrics.js';
import { TraceQuery } from './traces.js';

describe('query limits of seed 003 §10', () => {
  it('bounds the metric query timeout to 1..300 seconds and checks the step', () => {
    expect(MetricQuery.parse({ query: 'up' })).toMatchObject({ timeout: 30, step: '1m', cluster_ids: [] });
    expect(MetricQuery.safeParse({ query: 'up', timeout: 0 }).success).toBe(false);
    expect(MetricQuery.safeParse({ query: 'up', timeout: 301 }).success).toBe(false);
    expect(MetricQuery.safeParse({ query: 'up', timeout: 300 }).success).toBe(true);
    expect(MetricQuery.safeParse({ query: 'up', step: '1 minute' }).success).toBe(false);
    expect(MetricQuery.safeParse({ query: '  ' }).success).toBe(false);
  });

  it('bounds the log query limit to 1..5000', () => {
    expect(LogQuery.parse({ query: '{namespace="default"}' })).toMatchObject({ limit: 100, direction: 'BACKWARD' });
    expect(LogQuery.safeParse({ query: '{a="b"}', limit: 0 }).success).toBe(false);
    expect(LogQuery.safeParse({ query: '{a="b"}', limit: 5001 }).success).toBe(false);
    expect(LogQuery.safeParse({ query: '{a="b"}', limit: 5000 }).success).toBe(true);
  });

  it('bounds the trace query limit to 1..100', () => {
    expect(TraceQuery.parse({}).limit).toBe(20);
    expect(TraceQuery.safeParse({ limit: 101 }).success).toBe(false);
    expect(TraceQuery.safeParse({ limit: 0 }).success).toBe(false);
    expect(TraceQuery.safeParse({ limit: 100 }).success).toBe(true);
  });
});
