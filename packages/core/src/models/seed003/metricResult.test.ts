import { describe, expect, it } from 'vitest';
import { MetricResult, MetricSeries } from './metricResult.js';

const result = { cluster_id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f', cluster_name: 'prod-east-1', status: 'SUCCESS' };

describe('MetricSeries', () => {
  it('accepts [timestamp, value] pairs with string values', () => {
    const series = {
      metric: { __name__: 'up', pod: 'nginx-abc123' },
      values: [
        [1767225600, '1'],
        [1767225660, 'NaN'],
      ],
    };
    expect(MetricSeries.parse(series)).toEqual(series);
  });

  it('refuses numeric values, swapped pairs and non-string labels', () => {
    expect(MetricSeries.safeParse({ metric: {}, values: [[1767225600, 1]] }).success).toBe(false);
    expect(MetricSeries.safeParse({ metric: {}, values: [['1', 1767225600]] }).success).toBe(false);
    expect(MetricSeries.safeParse({ metric: { replicas: 3 }, values: [] }).success).toBe(false);
  });
});

describe('MetricResult', () => {
  it('defaults to no data', () => {
    expect(MetricResult.parse(result).data).toEqual([]);
  });

  it('accepts an error result with its reason', () => {
    expect(MetricResult.safeParse({ ...result, status: 'TIMEOUT', error: 'timed out after 30s' }).success).toBe(true);
  });

  it('refuses unknown status and result type and a negative query time', () => {
    expect(MetricResult.safeParse({ ...result, status: 'OK' }).success).toBe(false);
    expect(MetricResult.safeParse({ ...result, result_type: 'matrix' }).success).toBe(false);
    expect(MetricResult.safeParse({ ...result, query_time_ms: -1 }).success).toBe(false);
  });
});
