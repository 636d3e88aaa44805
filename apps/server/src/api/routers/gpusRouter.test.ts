import type { Event } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { freePort, type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simScrapes } from '../../metrics/simScrapes.js';
import { startTestApi, type TestApi } from '../../testing/index.js';

interface GpuView {
  node_name: string;
  metrics: string;
  gpu_allocatable: number;
  gpus: { index: number; uuid: string; utilization_gpu_percent: number; processes: { process_name: string }[] }[];
  holders: { pod: string }[];
}
interface ClusterView {
  cluster_name: string;
  status: string;
  error?: string;
  metrics_source: string;
  nodes: GpuView[];
}

describe('the gpus router', () => {
  let t: TestApi;
  let sim: SimCluster;
  let plain: SimCluster;
  let prometheus: RunningDaemon;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApi();
    // Prometheus answers at wall-clock time: move the server's clock there.
    await t.clock.advance(Date.now() - t.clock.now().getTime());
    [sim, plain] = await Promise.all([startSimCluster({ scenario: 'gpu' }), startSimCluster({ scenario: 'demo' })]);
    prometheus = await startPrometheus({ targets: [{ url: sim.url, token: sim.token, paths: ['/metrics/dcgm'] }] });
    const register = async (name: string, target: SimCluster, prometheusUrl?: string) => {
      const response = await t.rest('POST', '/clusters', t.users.admin.token, {
        name,
        api_server_url: target.url,
        kubeconfig: target.kubeconfig,
        ...(prometheusUrl ? { endpoints: { prometheus_url: prometheusUrl } } : {}),
      });
      expect(response.statusCode, response.body).toBe(200);
      ids[name] = response.json().id;
    };
    await register('gpu-prom', sim, prometheus.url);
    await register('gpu-builtin', sim);
    // Nothing listens on this one's Prometheus port.
    await register('gpu-down', sim, `http://127.0.0.1:${await freePort()}`);
    await register('cpu-only', plain);
    const builtin = (await t.services.store.clusters.find(ids['gpu-builtin']!))!;
    // As `npm start` does for its embedded cluster: the sampler reads the simulated endpoints, /metrics/dcgm included.
    t.services.metrics.sample(builtin, simScrapes(sim));
    await t.services.fleet.start();
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all([sim?.stop(), plain?.stop()]);
    await t?.close();
  });

  const list = async (query = '') => {
    const response = await t.rest('GET', `/gpus?timeout=5${query}`, t.users.admin.token);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { status: string; clusters: ClusterView[] };
  };
  const cluster = (answer: { clusters: ClusterView[] }, name: string) =>
    answer.clusters.find((c) => c.cluster_name === name)!;
  const training = (c: ClusterView) =>
    c.nodes.flatMap((n) => n.gpus).filter((g) => g.processes[0]?.process_name.startsWith('ml/llama-finetune-'));

  it('builds GPU nodes from the live model and dcgm series, from Prometheus and from the built-in sampler alike', async () => {
    await expect
      .poll(
        async () => {
          // A new sample at a new moment (the sampler keeps one per instant), then ask.
          await t.clock.advance(1000);
          await t.services.metrics.sampleNow(ids['gpu-builtin']!);
          const answer = await list();
          return [training(cluster(answer, 'gpu-prom')).length, training(cluster(answer, 'gpu-builtin')).length];
        },
        { timeout: 45_000, interval: 1000 },
      )
      .toEqual([4, 4]);
    const answer = await list();
    for (const name of ['gpu-prom', 'gpu-builtin']) {
      const c = cluster(answer, name);
      expect(c.status).toBe('SUCCESS');
      expect(c.nodes.map((n) => [n.node_name, n.metrics, n.gpu_allocatable, n.gpus.length])).toEqual([
        ['gpu-a100-1', 'DCGM', 4, 4],
        ['gpu-a100-2', 'DCGM', 4, 4],
        ['gpu-l4-1', 'DCGM', 2, 2],
      ]);
      for (const g of training(c)) expect(g.utilization_gpu_percent).toBeGreaterThan(85);
    }
    expect(cluster(answer, 'gpu-prom').metrics_source).toBe('PROMETHEUS');
    expect(cluster(answer, 'gpu-builtin').metrics_source).toBe('BUILTIN');
    // Both sources read the same simulated GPUs.
    const uuids = (name: string) =>
      cluster(answer, name)
        .nodes.flatMap((n) => n.gpus.map((g) => g.uuid))
        .sort();
    expect(uuids('gpu-prom')).toEqual(uuids('gpu-builtin'));
    expect(cluster(answer, 'cpu-only')).toMatchObject({ status: 'SUCCESS', nodes: [] });
  });

  it('answers PARTIAL, naming the cluster whose Prometheus is down, its GPU nodes still listed', async () => {
    const answer = await list();
    expect(answer.status).toBe('PARTIAL');
    const down = cluster(answer, 'gpu-down');
    expect(down.status).toBe('ERROR');
    expect(down.error).toMatch(/^gpu-down: Prometheus at http:\/\/127\.0\.0\.1:\d+ cannot be reached/);
    expect(down.nodes.map((n) => [n.node_name, n.metrics])).toEqual([
      ['gpu-a100-1', 'NONE'],
      ['gpu-a100-2', 'NONE'],
      ['gpu-l4-1', 'NONE'],
    ]);
    const one = await list(`&cluster_ids=${ids['gpu-builtin']}&node=gpu-l4-1`);
    expect(one.clusters.map((c) => [c.cluster_name, c.nodes.map((n) => n.node_name)])).toEqual([
      ['gpu-builtin', ['gpu-l4-1']],
    ]);
  });

  it('publishes GPU_UPDATE events for a watched cluster, and hides clusters the caller may not see', async () => {
    const received: Event[] = [];
    const unsubscribe = t.services.bus.subscribe({ event_types: ['GPU_UPDATE'] }, (e) => void received.push(e));
    try {
      const watch = await t.rest('POST', '/gpus/watch', t.users.admin.token, { cluster_id: ids['gpu-builtin'] });
      expect(watch.statusCode, watch.body).toBe(200);
      await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
      const event = received[0]!;
      expect(event.cluster_id).toBe(ids['gpu-builtin']);
      const payload = event.payload as { status: string; nodes: { node_name: string; gpus: unknown[] }[] };
      expect(payload.nodes.map((n) => n.node_name)).toEqual(['gpu-a100-1', 'gpu-a100-2', 'gpu-l4-1']);
    } finally {
      unsubscribe();
    }
    const hidden = await t.rest('GET', `/gpus?cluster_ids=${ids['gpu-prom']}`, t.users.viewer.token);
    expect(hidden.statusCode).toBe(404);
  });
});
