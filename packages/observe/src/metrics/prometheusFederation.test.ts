import { execFileSync } from 'node:child_process';
import { InputError } from '@opspilot/core';
import { requireSystemTool } from '@opspilot/core/testing';
import { Anomaly, type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient } from '../prometheus/prometheusClient.js';
import { readMatrixAnswer } from '../prometheus/readMatrixAnswer.js';
import { readQueryData } from '../prometheus/readQueryData.js';
import { type RunningDaemon, SHIPPED_RULES, startPrometheus } from '../testing/index.js';
import { createFederatedMetrics, type MetricsCluster } from './federatedMetrics.js';

const EAST = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const WEST = '0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b';

describe('metrics against a real Prometheus scraping simulated clusters', () => {
  let east: SimCluster;
  let west: SimCluster;
  let prometheus: RunningDaemon;
  let clusters: MetricsCluster[];

  beforeAll(async () => {
    [east, west] = await Promise.all([startSimCluster({ scenario: 'demo' }), startSimCluster({ scenario: 'demo' })]);
    prometheus = await startPrometheus({ targets: [{ url: east.url, token: east.token }] });
    clusters = [
      { id: EAST, name: 'east', prometheus: createPrometheusClient({ url: prometheus.url, timeoutMs: 5_000 }) },
      // west's Prometheus is down: nothing listens on port 9 of loopback.
      { id: WEST, name: 'west', prometheus: createPrometheusClient({ url: 'http://127.0.0.1:9', timeoutMs: 2_000 }) },
    ];
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all([east?.stop(), west?.stop()]);
  });

  it('ships rules promtool accepts, with a CPU-spike alert', () => {
    const out = execFileSync(requireSystemTool('promtool'), ['check', 'rules', SHIPPED_RULES], { encoding: 'utf8' });
    expect(out).toMatch(/SUCCESS: \d+ rules found/);
    expect(execFileSync('grep', ['-c', 'alert: PodCpuSpike', SHIPPED_RULES], { encoding: 'utf8' }).trim()).toBe('1');
  });

  it('shows the CPU spike in a federated range query, PARTIAL naming the cluster whose Prometheus is down', async () => {
    const metrics = createFederatedMetrics({ clusters: () => clusters });
    const query = 'sum(rate(container_cpu_usage_seconds_total{namespace="todo",pod=~"backend-.*"}[3s]))';
    // Once Prometheus holds a baseline of both backend pods, a CPU spike is scheduled in them (as a scenario would).
    await expect
      .poll(
        async () =>
          Number((await metrics.instant(query, { cluster_ids: [EAST] })).results[0]?.data[0]?.values[0]?.[1] ?? 0),
        {
          timeout: 45_000,
          interval: 500,
        },
      )
      .toBeGreaterThan(0.09);
    east.anomalies.add(
      Anomaly.parse({
        apiVersion: 'sim.opspilot.dev/v1',
        kind: 'Anomaly',
        metadata: { name: 'backend-cpu' },
        spec: { type: 'cpu-spike', namespace: 'todo', selector: { app: 'backend' }, after: '0s', duration: '10m' },
      }),
      east.clock.now(),
    );
    let last: Awaited<ReturnType<typeof metrics.range>> | undefined;
    await expect
      .poll(
        async () => {
          const end = new Date();
          last = await metrics.range(query, {
            start_time: new Date(end.getTime() - 60_000).toISOString(),
            end_time: end.toISOString(),
            step: '1s',
            timeout: 5,
          });
          const values = last.results[0]?.data[0]?.values.map(([, v]) => Number(v)) ?? [];
          const positive = values.filter((v) => v > 0);
          return positive.length > 0 && Math.max(...positive) > Math.min(...positive) * 4;
        },
        { timeout: 45_000, interval: 500 },
      )
      .toBe(true);
    expect(last?.status).toBe('PARTIAL');
    const [eastResult, westResult] = last!.results;
    expect(eastResult).toMatchObject({
      cluster_id: EAST,
      cluster_name: 'east',
      status: 'SUCCESS',
      result_type: 'MATRIX',
    });
    expect(westResult).toMatchObject({ cluster_id: WEST, cluster_name: 'west', status: 'ERROR', data: [] });
    expect(westResult?.error).toMatch(/^west: Prometheus at http:\/\/127\.0\.0\.1:9 cannot be reached/);
  }, 120_000);

  it('answers named queries with numbers and instant, series and label queries', async () => {
    const metrics = createFederatedMetrics({ clusters: () => clusters.slice(0, 1) });
    await expect
      .poll(async () => (await metrics.named('top-pods-by-memory', { limit: 3 })).results[0]?.data.length ?? 0, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const top = await metrics.named('top-pods-by-memory', { limit: 3 });
    expect(top).toMatchObject({ status: 'SUCCESS', named: { name: 'top-pods-by-memory', unit: 'bytes', top: true } });
    const values = top.results[0]!.data.map((s) => Number(s.values[0]![1]));
    expect(values.length).toBeLessThanOrEqual(3);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBeGreaterThan(1024 * 1024);
    const client = clusters[0]!.prometheus!;
    expect(await client.labels()).toContain('pod');
    expect(await client.labelValues('namespace')).toContain('todo');
    expect((await client.series(['up'])).length).toBeGreaterThanOrEqual(3);
    const instant = await metrics.instant('count(up == 1)');
    expect(Number(instant.results[0]?.data[0]?.values[0]?.[1])).toBe(3);
  }, 30_000);

  it('reads a real range answer in one pass, exactly as the generic path reads it', async () => {
    const end = Math.floor(Date.now() / 1000);
    const params = new URLSearchParams({
      query: 'container_memory_working_set_bytes',
      start: String(end - 30),
      end: String(end),
      step: '1.5',
    });
    await expect
      .poll(async () => {
        const text = await (await fetch(`${prometheus.url}/api/v1/query_range?${params}`)).text();
        const generic = readQueryData((JSON.parse(text) as { data: unknown }).data);
        const fast = readMatrixAnswer(text);
        expect(generic.ok && fast?.data).toEqual(generic.ok && generic.data);
        return fast?.data.result.length ?? 0;
      })
      .toBeGreaterThan(3);
  });

  it("returns Prometheus's own message for bad PromQL as an InputError", async () => {
    const metrics = createFederatedMetrics({ clusters: () => clusters.slice(0, 1) });
    const error = await metrics.instant('sum(rate(container_cpu_usage_seconds_total[5m])').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^Prometheus refused the query: .*parse error/);
    expect((error as InputError).details?.prometheus_error).toMatch(/unclosed left parenthesis|expected/);
  });

  it('refuses a window over the limits before asking', async () => {
    const metrics = createFederatedMetrics({ clusters: () => clusters });
    await expect(
      metrics.range('up', { start_time: '2026-01-01T00:00:00Z', end_time: '2026-01-02T00:00:00Z', step: '1s' }),
    ).rejects.toThrow(/86401 points per series .* exceed the maximum of 11000/);
  });
});
