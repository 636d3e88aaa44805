import { fileURLToPath } from 'node:url';
import type { MetricsSource } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { createFederatedMetrics, createPrometheusClient } from '@opspilot/observe';
import { type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackfillSeries, startBackfilledPrometheus } from './__fixtures__/backfilledPrometheus.js';
import { allocateCluster } from './allocation/allocate.js';
import type { ClusterCostInput } from './inventory/costInventory.js';
import { COST_SNAPSHOT_KINDS, inventoryFromSnapshot } from './inventory/inventoryFromSnapshot.js';
import { PriceModel } from './pricing/priceModel.js';
import { percentile } from './rightsizing/percentile.js';
import { rightsizeCluster } from './rightsizing/rightsizeCluster.js';
import { attachUsage } from './usage/attachUsage.js';

const CLUSTER = { id: '5d0c8f5e-3b7a-4c1e-9f2d-6a8b0c1d2e3f', name: 'sim' };
const FIXTURE = fileURLToPath(new URL('./__fixtures__/costFixture.yaml', import.meta.url));
const MI = 2 ** 20;
const PRICES = new PriceModel({
  on_prem: { cpu_core_hour: 0.04, memory_gib_hour: 0.005 },
  storage_classes: { standard: 0.73 },
});

const metricsOf = (url: string): MetricsSource =>
  createFederatedMetrics({
    clusters: () => [{ ...CLUSTER, prometheus: createPrometheusClient({ url, timeoutMs: 10_000 }) }],
  });

let sim: SimCluster;
let gateway: ReturnType<typeof createClusterGateway>;
beforeAll(async () => {
  sim = await startSimCluster({ scenario: FIXTURE });
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
}, 60_000);
afterAll(() => sim?.stop());

async function inventory(start: number, stepSeconds: number, steps: number): Promise<ClusterCostInput> {
  const snapshot = await gateway.snapshot({ kinds: [...COST_SNAPSHOT_KINDS] });
  return inventoryFromSnapshot(snapshot, CLUSTER, { start, stepSeconds, steps });
}

describe('allocation from a real Prometheus scraping the simulated cluster', () => {
  let prometheus: RunningDaemon;
  beforeAll(async () => {
    prometheus = await startPrometheus({ targets: [{ url: sim.url, token: sim.token, paths: ['/metrics/cadvisor'] }] });
  }, 60_000);
  afterAll(() => prometheus?.stop());

  it('equals the hand-computed cost per namespace', { timeout: 90_000 }, async () => {
    const metrics = metricsOf(prometheus.url);
    const steps = 6;
    const stepSeconds = 2;
    const fixturePods = (i: ClusterCostInput) => i.pods.filter((p) => ['alpha', 'beta'].includes(p.namespace));
    // Wait until Prometheus holds a full window of every fixture container (5 s rate windows need 5 s of scrapes).
    let input: ClusterCostInput | undefined;
    await expect
      .poll(
        async () => {
          const end = Math.floor(Date.now() / 1000) - 2;
          const candidate = await inventory(end - (steps - 1) * stepSeconds, stepSeconds, steps);
          expect(await attachUsage(candidate, metrics, { rateWindowSeconds: 5 })).toEqual([]);
          const pods = fixturePods(candidate);
          const full = (a?: Float64Array) => a?.every((v) => Number.isFinite(v) && v > 0);
          const ready =
            pods.length === 4 && pods.every((p) => p.containers.every((c) => full(c.cpuUsage) && full(c.memoryUsage)));
          const rising = pods.every((p) => p.containers.every((c) => c.cpuUsage![0]! > 0.04));
          if (ready && rising) input = candidate;
          return ready && rising;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    const result = allocateCluster(input!, PRICES, { aggregate: 'namespace' });
    const hours = (steps * stepSeconds) / 3600;
    // alpha: api 2 × (request 0.5 core > 0.1 used; 300 Mi used > 256 Mi requested) + worker (0.3 core used > 0.1;
    // 100 Mi used > 64 Mi), at 0.04 per core-hour and 0.005 per GiB-hour.
    const alpha = (2 * (0.5 * 0.04 + (300 / 1024) * 0.005) + (0.3 * 0.04 + (100 / 1024) * 0.005)) * hours;
    // beta: web at its requests (0.2 core, 128 Mi) and the 10 Gi claim at 0.73 per GiB-month = 0.001 per GiB-hour.
    const beta = (0.2 * 0.04 + (128 / 1024) * 0.005 + 10 * 0.001) * hours;
    const row = (key: string) => result.rows.find((r) => r.key === key)!;
    // Scrape timing makes the measured 0.3 core of worker a little off under load: at most 2 % on the namespace.
    expect(Math.abs(row('alpha').total_cost / alpha - 1)).toBeLessThan(0.02);
    const worker = input!.pods.find((p) => p.workload.name === 'worker')!.containers[0]!.cpuUsage!;
    const workerCores = worker.reduce((t, v) => t + v, 0);
    expect(workerCores / steps).toBeCloseTo(0.3, 1);
    expect(row('alpha').cpu_cost).toBeCloseTo((2 * 0.5 * steps + workerCores) * 0.04 * (stepSeconds / 3600), 12);
    expect(row('alpha').memory_cost).toBeCloseTo(((2 * 300 + 100) / 1024) * 0.005 * hours, 12);
    expect(row('beta').total_cost).toBeCloseTo(beta, 12);
  });
});

describe('rightsizing from a real Prometheus holding known series', () => {
  let prometheus: RunningDaemon;
  const hourEnd = Math.floor(Date.now() / 3_600_000) * 3600 - 3600;
  const start = hourEnd - 47 * 3600;
  // CPU rates per hour k (the hour ending at start + k h) and memory samples every 5 minutes.
  const rates = Array.from({ length: 48 }, (_, k) => 0.0503 + 0.0071 * ((k * 17) % 48));
  const memory = (i: number) => (200 + (i % 37)) * MI;
  let pod = '';

  beforeAll(async () => {
    const pods = await gateway.list('Pod', { namespace: 'gamma' });
    pod = pods[0]!.metadata.name;
    const labels = { namespace: 'gamma', pod, container: 'known' };
    const cpu: [number, number][] = [];
    const mem: [number, number][] = [];
    let total = 0;
    for (let k = 0; k < 48; k++) {
      for (let i = 0; i < 12; i++) {
        const t = start - 3600 + k * 3600 + i * 300;
        cpu.push([t, total + rates[k]! * i * 300]);
        mem.push([t, memory(k * 12 + i)]);
      }
      total += rates[k]! * 3600;
    }
    cpu.push([hourEnd, total]);
    mem.push([hourEnd, memory(0)]);
    const series: BackfillSeries[] = [
      { name: 'container_cpu_usage_seconds_total', type: 'counter', labels, samples: cpu },
      { name: 'container_memory_working_set_bytes', type: 'gauge', labels, samples: mem },
    ];
    prometheus = await startBackfilledPrometheus(series);
  }, 60_000);
  afterAll(() => prometheus?.stop());

  it('recommends CPU = p95 of the hourly usage and memory = max + 15 %', { timeout: 60_000 }, async () => {
    const input = await inventory(start, 3600, 48);
    expect(await attachUsage(input, metricsOf(prometheus.url))).toEqual([]);
    const known = input.pods.find((p) => p.name === pod)!.containers[0]!;
    expect(Array.from(known.cpuUsage!).map((v) => Math.round(v * 1e6) / 1e6)).toEqual(
      rates.map((r) => Math.round(r * 1e6) / 1e6),
    );
    const rec = rightsizeCluster(input, PRICES).find((r) => r.workload.name === 'known')!;
    const p95 = percentile(rates, 95);
    expect(rec.status).toBe('RECOMMENDED');
    expect(rec.history_hours).toBe(48);
    expect(rec.cpu_p95).toBeCloseTo(p95, 9);
    expect(rec.memory_max).toBe(236 * MI);
    expect(rec.recommended).toEqual({
      cpu_request: Math.ceil(p95 * 1000) / 1000,
      memory_request: Math.ceil(236 * 1.15) * MI,
      memory_limit: Math.ceil(236 * 1.15) * MI,
    });
    expect(rec.reason).toContain('no CPU limit');
    // Everything else has under a day of history.
    expect(rightsizeCluster(input, PRICES).find((r) => r.workload.name === 'api')).toMatchObject({
      status: 'NOT_ENOUGH_DATA',
    });
  });
});
