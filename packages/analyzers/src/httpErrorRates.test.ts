import type { MetricQuery, MetricResult, MetricsSource } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { HTTP_ERRORS_PROMQL, HTTP_REQUESTS_PROMQL, readHttpErrorRates } from './httpErrorRates.js';

const CLUSTER = '5e0a4c1d-2b3f-4a6e-9d8c-7b1a0f2e3d4c';
const NOW = new Date('2026-12-06T12:00:00Z');

function source(answers: Record<string, MetricResult['data']>, status: MetricResult['status'] = 'SUCCESS') {
  const asked: MetricQuery[] = [];
  const metrics: MetricsSource = {
    async query(q) {
      asked.push(q);
      return [{ cluster_id: CLUSTER, cluster_name: 'c', status, data: answers[q.query] ?? [] }];
    },
  };
  return { metrics, asked };
}

const series = (namespace: string, app: string, ...values: number[]) => ({
  metric: { namespace, app },
  values: values.map((v, i) => [NOW.getTime() / 1000 - 30 * (values.length - 1 - i), String(v)] as [number, string]),
});

describe('readHttpErrorRates', () => {
  it('joins the 5xx and the total rate of each workload at the latest point, as its Deployment', async () => {
    const { metrics, asked } = source({
      [HTTP_ERRORS_PROMQL]: [series('todo', 'frontend', 0, 1.2)],
      [HTTP_REQUESTS_PROMQL]: [series('todo', 'frontend', 3, 3), series('todo', 'backend', 5, 5)],
    });
    const rates = await readHttpErrorRates(metrics, { now: NOW, clusterIds: [CLUSTER] });
    expect(rates).toEqual([
      expect.objectContaining({
        target: { kind: 'Deployment', name: 'frontend', namespace: 'todo' },
        errorsPerSecond: 1.2,
        requestsPerSecond: 3,
      }),
      expect.objectContaining({
        target: { kind: 'Deployment', name: 'backend', namespace: 'todo' },
        errorsPerSecond: 0,
      }),
    ]);
    expect(asked.map((q) => [q.cluster_ids, q.end_time])).toEqual([
      [[CLUSTER], NOW.toISOString()],
      [[CLUSTER], NOW.toISOString()],
    ]);
  });

  it('keeps one namespace when asked, and gives nothing when the source fails or has no series', async () => {
    const answers = {
      [HTTP_ERRORS_PROMQL]: [series('shop', 'web', 2)],
      [HTTP_REQUESTS_PROMQL]: [series('shop', 'web', 4), series('todo', 'frontend', 3)],
    };
    const only = await readHttpErrorRates(source(answers).metrics, { now: NOW, namespace: 'shop' });
    expect(only.map((r) => r.target.name)).toEqual(['web']);
    expect(await readHttpErrorRates(source(answers, 'ERROR').metrics, { now: NOW })).toEqual([]);
    const failing: MetricsSource = { query: () => Promise.reject(new Error('down')) };
    expect(await readHttpErrorRates(failing, { now: NOW })).toEqual([]);
  });
});
