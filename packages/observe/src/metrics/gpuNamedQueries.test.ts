import { ManualClock } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import { advanceClock, authHeaders } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetricsSampler } from './metricsSampler.js';
import { namedQuery } from './namedQueries.js';

let sim: Awaited<ReturnType<typeof startSimCluster>>;
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));

beforeAll(async () => {
  sim = await startSimCluster({ clock, tls: false, scenario: 'gpu' });
  await advanceClock(clock, 30_000, 5_000);
});
afterAll(() => sim?.stop());

describe('GPU named queries', () => {
  it('are answered by the built-in sampler from the simulated dcgm-exporter, one series per GPU', async () => {
    const sampler = createMetricsSampler({
      clock,
      sources: {
        podMetrics: async () => [],
        nodeMetrics: async () => [],
        scrapes: [async () => (await fetch(`${sim.url}/metrics/dcgm`, { headers: authHeaders(sim) })).text()],
      },
    });
    await sampler.sampleOnce();
    const { query, params } = namedQuery('gpu-utilization');
    const series = sampler.instant(query.builtin(params), clock.now().getTime());
    expect(series).toHaveLength(10);
    expect(Object.keys(series[0]!.labels).sort()).toEqual(
      ['Hostname', 'UUID', 'container', 'gpu', 'modelName', 'namespace', 'pod'].sort(),
    );
    const training = series.filter((s) => s.labels.pod?.startsWith('llama-finetune-'));
    expect(training).toHaveLength(4);
    for (const s of training) expect(s.value).toBeGreaterThan(90);
    const ml = namedQuery('gpu-memory-used', { namespace: 'ml' });
    const held = sampler.instant(ml.query.builtin(ml.params), clock.now().getTime());
    expect(held.map((s) => s.labels.namespace)).toEqual(Array(held.length).fill('ml'));
    expect(held).toHaveLength(8);
  });

  it('ask Prometheus for one series per GPU of the dcgm-exporter metric', () => {
    const { query, params } = namedQuery('gpu-temperature', { namespace: 'ml' });
    expect(query.promql(params)).toBe(
      'max by (Hostname, gpu, UUID, modelName, namespace, pod, container) (DCGM_FI_DEV_GPU_TEMP{namespace="ml"})',
    );
    expect(query.unit).toBe('celsius');
  });
});
