import { ANOMALY_SIGNALS, AnomalyScanner } from '@opspilot/anomaly';
import { type Cluster, systemClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';
import { signalMetricsSource } from './signalMetricsSource.js';

describe('the anomaly signals against a real Prometheus scraping a simulated cluster', () => {
  let t: TestApi;
  let sim: SimCluster;
  let prometheus: RunningDaemon;
  let cluster: Cluster;

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo' });
    prometheus = await startPrometheus({ targets: [{ url: sim.url, token: sim.token }] });
    const response = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'scraped',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
      endpoints: { prometheus_url: prometheus.url },
    });
    expect(response.statusCode, response.body).toBe(200);
    cluster = response.json();
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await sim?.stop();
    await t?.close();
  });

  it('reads every signal as valid PromQL, one series per pod, node and workload', { timeout: 80_000 }, async () => {
    const metrics = signalMetricsSource(t.services.metrics, async () => [cluster]);
    const perSignal: Record<string, number> = {};
    const counting = {
      async query(...args: Parameters<typeof metrics.query>) {
        const results = await metrics.query(...args);
        const id = ANOMALY_SIGNALS.find((s) => s.promql === args[0].query)!.id;
        perSignal[id] = results.flatMap((r) => r.data).length;
        return results;
      },
    };
    // Prometheus needs two scrapes for a rate; each poll is a fresh scanner (a first scan reads the warm-up window).
    await expect
      .poll(
        async () => {
          const scan = await new AnomalyScanner({ metrics: counting, clock: systemClock, stepSeconds: 15 }).scan([
            cluster.id,
          ]);
          expect(scan.errors).toEqual([]);
          return Math.min(perSignal['pod-cpu'] ?? 0, perSignal['workload-request-rate'] ?? 0);
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    expect(perSignal['pod-cpu']).toBeGreaterThan(3);
    expect(perSignal['pod-memory']).toBeGreaterThan(3);
    expect(perSignal['node-cpu']).toBeGreaterThan(0);
    expect(perSignal['workload-request-rate']).toBeGreaterThan(0);
    // The demo has no GPUs and its applications no latency histograms: those signals answer no series, not an error.
    expect(perSignal['gpu-utilization']).toBe(0);
    expect(perSignal['workload-latency-p95']).toBe(0);
  });
});
