import { describe, expect, it } from 'vitest';
import { ctx, snapshotOf } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { withHttpErrorRates } from '../signals.js';
import { workloadHttpErrors } from './workloadHttpErrors.js';

const rate = (errorsPerSecond: number, requestsPerSecond: number) => ({
  target: { kind: 'Deployment', name: 'web', namespace: 'shop' },
  errorsPerSecond,
  requestsPerSecond,
  window: '5m',
  query: 'sum(rate(http_requests_total{namespace="shop",deployment="web",code=~"5.."}[5m]))',
});
const analyze = (rates: ReturnType<typeof rate>[]) =>
  workloadHttpErrors.analyze(withHttpErrorRates(snapshotOf(healthyCluster().objects, ['Deployment']), rates), ctx);

describe('workload-http-errors', () => {
  it('reports nothing without rates, nor on a few errors among many requests', () => {
    expect(workloadHttpErrors.analyze(snapshotOf(healthyCluster().objects, ['Deployment']), ctx)).toEqual([]);
    expect(analyze([rate(0.2, 100)])).toEqual([]);
    expect(analyze([rate(0.05, 0.5)])).toEqual([]);
  });

  it('reports a 5xx burst on the Deployment with the query as evidence', () => {
    const [finding] = analyze([rate(3, 10)]);
    expect(finding?.message).toBe(
      'Deployment shop/web answers 30% of its requests with HTTP 5xx (3.00/s of 10.00/s over 5m)',
    );
    expect(finding?.severity).toBe('CRITICAL');
    expect(finding?.evidence[0]?.kind).toBe('metric');
  });
});
