import { anomalyOfEvent } from '@opspilot/anomaly';
import type { Cluster, Event } from '@opspilot/core';
import { createMemoryJobQueue } from '@opspilot/jobs';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simScrapes } from '../metrics/simScrapes.js';
import { startTestApi, type TestApi } from '../testing/index.js';
import { createAnomalyScan, startAnomalyScan } from './anomalyScan.js';

describe('the anomaly scan over a simulated cluster and the built-in sampler', () => {
  let t: TestApi;
  let sim: SimCluster;
  let cluster: Cluster;

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    const response = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'demo',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    expect(response.statusCode, response.body).toBe(200);
    cluster = response.json();
    t.services.metrics.sample(cluster);
    await advanceClock(t.clock, 60_000, 5_000);
  }, 60_000);

  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  /** Moves the clock `minutes` on, one sample a minute, as the sampler's timer would. */
  async function minutes(count: number) {
    for (let m = 0; m < count; m++) {
      await advanceClock(t.clock, 60_000, 30_000);
      await t.services.metrics.sampleNow(cluster.id);
    }
  }

  it('learns the healthy cluster without a finding, then stores and publishes a CPU spike once', {
    timeout: 80_000,
  }, async () => {
    const events: Event[] = [];
    const unsubscribe = t.services.bus.subscribe({ event_types: ['ANOMALY_DETECTED'] }, (e) => {
      events.push(e);
    });
    const scan = createAnomalyScan(t.services);
    await minutes(40);
    const healthy = await scan.runOnce();
    expect(healthy.stored).toEqual([]);
    expect(healthy.series).toBeGreaterThan(5);

    sim.anomalies.add(
      {
        apiVersion: 'sim.opspilot.dev/v1',
        kind: 'Anomaly',
        metadata: { name: 'backend-cpu' },
        spec: {
          type: 'cpu-spike',
          namespace: 'todo',
          selector: { app: 'backend' },
          after: '0s',
          duration: '10m',
          magnitude: 6,
        },
      },
      t.clock.now(),
    );
    await minutes(4);
    const spiked = await scan.runOnce();
    const backend = spiked.stored.filter((a) => a.labels.signal === 'pod-cpu');
    expect(backend.length).toBeGreaterThan(0);
    expect(backend[0]).toMatchObject({
      cluster_id: cluster.id,
      metric_name: 'container_cpu_usage_seconds_total',
      anomaly_type: 'SPIKE',
      labels: { namespace: 'todo', workload: 'backend' },
    });
    expect(backend[0]!.explanation).toMatch(/^CPU of pod todo\/backend-\S+ jumped to /);
    expect(await t.services.store.anomalies.get(backend[0]!.id)).toEqual(backend[0]);
    await expect.poll(() => events.map((e) => anomalyOfEvent(e)?.id)).toContain(backend[0]!.id);

    // The API charts the anomalous series around it: flat before, high from the spike on.
    const series = await t.rest('GET', `/anomalies/${backend[0]!.id}/series`, t.users.admin.token);
    expect(series.statusCode, series.body).toBe(200);
    const { points, title, unit } = series.json() as { points: [number, number][]; title: string; unit: string };
    expect({ title, unit }).toEqual({ title: 'CPU', unit: 'cores' });
    const at = Date.parse(backend[0]!.detected_at) / 1000;
    const before = points.filter(([time]) => time < at).map(([, v]) => v);
    const after = points.filter(([time]) => time >= at).map(([, v]) => v);
    expect(before.length).toBeGreaterThan(20);
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before) * 2);

    // The spike goes on: the open episode is not reported again.
    await minutes(3);
    const again = await scan.runOnce();
    expect(again.stored.filter((a) => a.labels.signal === 'pod-cpu' && a.labels.workload === 'backend')).toEqual([]);
    unsubscribe();
  });

  it('scores every GPU of a simulated GPU cluster through the built-in sampler', { timeout: 80_000 }, async () => {
    const gpuSim = await startSimCluster({ scenario: 'gpu', clock: t.clock });
    try {
      const response = await t.rest('POST', '/clusters', t.users.admin.token, {
        name: 'gpus',
        api_server_url: gpuSim.url,
        kubeconfig: gpuSim.kubeconfig,
      });
      expect(response.statusCode, response.body).toBe(200);
      const gpus = response.json() as Cluster;
      t.services.metrics.sample(gpus, simScrapes(gpuSim));
      for (let m = 0; m < 3; m++) {
        await advanceClock(t.clock, 60_000, 30_000);
        await t.services.metrics.sampleNow(gpus.id);
      }
      const gpuSeries: Record<string, number> = {};
      const scan = createAnomalyScan({
        ...t.services,
        metrics: {
          ...t.services.metrics,
          over: (clusters) => {
            const service = t.services.metrics.over(clusters);
            return {
              ...service,
              named: async (name, ...rest) => {
                const answer = await service.named(name, ...rest);
                if (name.startsWith('gpu-') && clusters.some((c) => c.id === gpus.id)) {
                  const keys = answer.results.flatMap((r) => r.data).map((d) => `${d.metric.Hostname}/${d.metric.gpu}`);
                  gpuSeries[name] = new Set(keys).size;
                }
                return answer;
              },
            };
          },
        },
      });
      const result = await scan.runOnce();
      // 10 GPUs: two A100 nodes of 4 and one L4 node of 2, each with utilisation and temperature series (one per
      // holder the GPU had in the window).
      expect(gpuSeries).toEqual({ 'gpu-utilization': 10, 'gpu-temperature': 10 });
      expect(result.errors).toEqual([]);
    } finally {
      await gpuSim.stop();
    }
  });

  it('runs as the scheduled job anomalies.scan of the job queue', async () => {
    const jobs = createMemoryJobQueue();
    let scans = 0;
    const metrics = {
      ...t.services.metrics,
      over: (clusters: Parameters<typeof t.services.metrics.over>[0]) => {
        scans++;
        return t.services.metrics.over(clusters);
      },
    };
    try {
      await startAnomalyScan({ ...t.services, metrics, jobs }, 50);
      await expect.poll(() => scans, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await jobs.parked({ limit: 10 })).toEqual([]);
    } finally {
      await jobs.close();
    }
  });
});
