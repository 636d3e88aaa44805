import { ManualClock, type MetricQuery, type MetricResult, type MetricsSource } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { AnomalyScanner } from './anomalyScanner.js';
import { anomalySignal } from './anomalySignals.js';
import { SeededRandom } from './testing/seededRandom.js';

const CLUSTER = '6f1c1b8e-2f9a-4c1e-9d3b-0a7d2e5c4b11';
const BROKEN = '9a2d4e6f-1b3c-4d5e-8f70-123456789abc';
const START = Date.parse('2026-12-01T00:00:00Z');
const MIB = 2 ** 20;

/**
 * A metrics source answering range queries over series defined as functions of time (the port's contract: one
 * result per cluster, `[unix_seconds, "value"]` pairs at each step), failing for the BROKEN cluster.
 */
function seriesSource(series: Record<string, (t: number) => number>, queries: MetricQuery[] = []): MetricsSource {
  return {
    async query(q) {
      queries.push(q);
      const id = q.cluster_ids[0]!;
      if (id === BROKEN) {
        return [{ cluster_id: id, cluster_name: 'broken', status: 'ERROR', data: [], error: 'connection refused' }];
      }
      const start = Date.parse(q.start_time!) / 1000;
      const end = Date.parse(q.end_time!) / 1000;
      const step = Number.parseInt(q.step, 10);
      const data = Object.entries(series).map(([pod, f]) => {
        const values: [number, string][] = [];
        for (let t = start; t <= end; t += step) values.push([t, String(f(t))]);
        return { metric: { namespace: 'todo', pod }, values };
      });
      return [
        { cluster_id: id, cluster_name: 'demo', status: 'SUCCESS', result_type: 'MATRIX', data },
      ] satisfies MetricResult[];
    },
  };
}

const noise = (seed: number) => {
  const rnd = new SeededRandom(seed);
  const memo = new Map<number, number>();
  return (t: number) => {
    if (!memo.has(t)) memo.set(t, rnd.normal());
    return memo.get(t)!;
  };
};

describe('AnomalyScanner', () => {
  it('learns from a warm-up window, then reports each new episode once across scans', async () => {
    const clock = new ManualClock(new Date(START + 6 * 3600_000));
    const spikeAt = START / 1000 + 6 * 3600 + 30 * 60;
    const n1 = noise(1);
    const n2 = noise(2);
    const queries: MetricQuery[] = [];
    const metrics = seriesSource(
      {
        'backend-7d9f8c6b5d-x2k4q': (t) => 0.2 + 0.005 * n1(t) + (t >= spikeAt && t < spikeAt + 600 ? 0.6 : 0),
        'frontend-6c8d7f9b4d-q5z7w': (t) => 0.1 + 0.004 * n2(t),
      },
      queries,
    );
    const scanner = new AnomalyScanner({ metrics, clock, signals: [anomalySignal('pod-cpu')!] });

    const first = await scanner.scan([CLUSTER]);
    expect(first).toMatchObject({ anomalies: [], series: 2, errors: [] });
    expect(first.points).toBe(2 * 361);
    expect(queries[0]).toMatchObject({
      start_time: '2026-12-01T00:00:00.000Z',
      end_time: '2026-12-01T06:00:00.000Z',
      step: '60s',
    });

    const found = [];
    for (let minute = 0; minute < 60; minute += 5) {
      await clock.advance(5 * 60_000);
      const result = await scanner.scan([CLUSTER]);
      found.push(...result.anomalies);
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      cluster_id: CLUSTER,
      anomaly_type: 'SPIKE',
      labels: { namespace: 'todo', pod: 'backend-7d9f8c6b5d-x2k4q', workload: 'backend', signal: 'pod-cpu' },
      detected_at: new Date(spikeAt * 1000).toISOString(),
    });
    // Later scans read from just before the previous end, not the whole warm-up again.
    expect(queries.at(-1)!.start_time).toBe(new Date(START + 6 * 3600_000 + 53 * 60_000).toISOString());
    expect(scanner.size).toBe(2);
  });

  it('reports a series that flaps for an hour once, not once per flap or per scan', async () => {
    const clock = new ManualClock(new Date(START + 6 * 3600_000));
    const flapFrom = START / 1000 + 6 * 3600 + 10 * 60;
    const n = noise(3);
    const metrics = seriesSource({
      'api-0': (t) => MIB * (200 + 2 * n(t) + (t >= flapFrom && Math.floor((t - flapFrom) / 120) % 2 === 0 ? 120 : 0)),
    });
    const scanner = new AnomalyScanner({ metrics, clock, signals: [anomalySignal('pod-memory')!] });
    await scanner.scan([CLUSTER]);
    const found = [];
    for (let minute = 0; minute < 70; minute += 5) {
      await clock.advance(5 * 60_000);
      found.push(...(await scanner.scan([CLUSTER])).anomalies);
    }
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.length).toBeLessThanOrEqual(2);
    expect(found[0]!.detected_at).toBe(new Date(flapFrom * 1000).toISOString());
  });

  it('reports a cluster it cannot read and still scores the others', async () => {
    const clock = new ManualClock(new Date(START + 3600_000));
    const scanner = new AnomalyScanner({
      metrics: seriesSource({ 'db-0': () => 1 }),
      clock,
      signals: [anomalySignal('pod-memory')!],
    });
    const result = await scanner.scan([BROKEN, CLUSTER]);
    expect(result.errors).toEqual([{ signal: 'pod-memory', cluster_id: BROKEN, error: 'connection refused' }]);
    expect(result.series).toBe(1);
  });

  it('keeps at most maxSeries series and forgets those that stopped answering', async () => {
    const clock = new ManualClock(new Date(START + 3600_000));
    const series: Record<string, (t: number) => number> = { a: () => 1, b: () => 2, c: () => 3 };
    const scanner = new AnomalyScanner({
      metrics: seriesSource(series),
      clock,
      signals: [anomalySignal('pod-memory')!],
      maxSeries: 2,
      forgetAfterSeconds: 600,
    });
    expect((await scanner.scan([CLUSTER])).skippedSeries).toBe(1);
    delete series.a;
    delete series.b;
    await clock.advance(20 * 60_000);
    await scanner.scan([CLUSTER]);
    expect(scanner.size).toBe(1);
  });
});
