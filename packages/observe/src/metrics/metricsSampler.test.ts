import { ManualClock } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { createFederatedMetrics } from './federatedMetrics.js';
import { createMetricsSampler } from './metricsSampler.js';
import { parseExposition } from './parseExposition.js';

const ref = (name: string, namespace?: string) => ({ kind: 'Pod', name, ...(namespace ? { namespace } : {}) });

describe('parseExposition', () => {
  it('reads samples with escaped labels and skips comments and malformed lines', () => {
    const text = [
      '# HELP x help',
      '# TYPE x counter',
      'x{a="1",b="q\\"uote"} 3',
      'y 2.5 1700000000000',
      'bad line here',
      'z{a="1"} +Inf',
    ].join('\n');
    expect(parseExposition(text)).toEqual([
      { name: 'x', labels: { a: '1', b: 'q"uote' }, value: 3 },
      { name: 'y', labels: {}, value: 2.5 },
      { name: 'z', labels: { a: '1' }, value: Number.POSITIVE_INFINITY },
    ]);
  });
});

describe('the built-in sampler', () => {
  function setup() {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    let requests = 0;
    let errors = 0;
    let backendMemory = 100;
    const sampler = createMetricsSampler({
      clock,
      intervalMs: 15_000,
      windowMs: 60_000,
      sources: {
        podMetrics: async () => [
          { ref: ref('backend-1', 'todo'), cpuMillicores: 50, memoryBytes: backendMemory },
          { ref: ref('frontend-1', 'todo'), cpuMillicores: 20, memoryBytes: 300 },
        ],
        nodeMetrics: async () => [{ ref: { kind: 'Node', name: 'n1' }, cpuMillicores: 700, memoryBytes: 5e9 }],
        scrapes: [
          async () =>
            `http_requests_total{namespace="todo",pod="backend-1",app="backend",code="200"} ${requests - errors}\n` +
            `http_requests_total{namespace="todo",pod="backend-1",app="backend",code="500"} ${errors}\n`,
        ],
      },
    });
    const step = async (dRequests: number, dErrors: number) => {
      requests += dRequests;
      errors += dErrors;
      await sampler.sampleOnce();
      clock.advance(15_000);
    };
    return { clock, sampler, step, setMemory: (m: number) => (backendMemory = m) };
  }

  it('answers top, node and error-rate named queries with numbers, without PromQL', async () => {
    const { clock, sampler, step, setMemory } = setup();
    await step(150, 0);
    await step(150, 15);
    setMemory(500);
    await step(150, 15);
    const metrics = createFederatedMetrics({
      clock,
      clusters: () => [{ id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f', name: 'sim', sampler }],
    });
    const top = await metrics.named('top-pods-by-memory', { limit: 1 });
    expect(top.results[0]?.data).toEqual([
      { metric: { namespace: 'todo', pod: 'backend-1' }, values: [[clock.now().getTime() / 1000, '500']] },
    ]);
    const nodes = await metrics.named('node-cpu', {}, { step: '15s', start_time: '2026-01-01T00:00:00Z' });
    expect(nodes.results[0]?.data[0]).toMatchObject({ metric: { node: 'n1' } });
    expect(nodes.results[0]?.data[0]?.values.map(([, v]) => v)).toEqual(['0.7', '0.7', '0.7', '0.7']);
    const errors = await metrics.named(
      'error-rate',
      { app: 'backend' },
      { step: '15s', start_time: '2026-01-01T00:00:15Z' },
    );
    expect(errors.results[0]?.data[0]?.values.map(([, v]) => Number(v).toFixed(2))).toEqual(['0.10', '0.10', '0.10']);
  });

  it('refuses PromQL for a cluster without a Prometheus, saying why', async () => {
    const { clock, sampler } = setup();
    const metrics = createFederatedMetrics({ clock, clusters: () => [{ id: 'x', name: 'sim', sampler }] });
    const answer = await metrics.instant('up');
    expect(answer.status).toBe('ERROR');
    expect(answer.results[0]?.error).toMatch(/no Prometheus is configured .* named queries only/);
  });

  it('keeps a bounded window per series', async () => {
    const { sampler, step } = setup();
    for (let i = 0; i < 20; i++) await step(1, 0);
    const stats = sampler.stats();
    expect(stats.series).toBe(8);
    expect(stats.samples).toBe(160);
    const expr = { fn: 'gauge' as const, metric: 'node_cpu_usage_cores', by: ['node'] };
    // 60 s at 15 s: the ring keeps 5 samples, so the first ones are gone.
    expect(sampler.instant(expr, Date.parse('2026-01-01T00:00:00Z'))).toEqual([]);
    expect(sampler.instant(expr, Date.parse('2026-01-01T00:04:45Z'))).toEqual([{ labels: { node: 'n1' }, value: 0.7 }]);
  });
});
