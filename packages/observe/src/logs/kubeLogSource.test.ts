import { InputError, ManualClock } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { followKubeLogs } from './followKubeLogs.js';
import { createKubeLogSource, type LogCluster } from './kubeLogSource.js';

describe('the Kubernetes log source, on two simulated clusters over HTTP', () => {
  const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
  const sims: SimCluster[] = [];
  const gateways: KubeClusterGateway[] = [];
  let clusters: LogCluster[];
  beforeAll(async () => {
    for (const name of ['prod', 'staging']) {
      const sim = await startSimCluster({ scenario: 'demo', clock });
      sims.push(sim);
      const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
      gateways.push(gateway);
      void name;
    }
    clusters = [
      { id: '11111111-1111-4111-8111-111111111111', name: 'prod', gateway: gateways[0] as KubeClusterGateway },
      { id: '22222222-2222-4222-8222-222222222222', name: 'staging', gateway: gateways[1] as KubeClusterGateway },
    ];
    // Let the pods start and log for five minutes of cluster time.
    await advanceClock(clock, 120_000);
    await vi.waitFor(async () =>
      expect((await gateways[0]?.list('Pod', { namespace: 'todo' }))?.length).toBeGreaterThan(0),
    );
  });
  afterAll(async () => {
    for (const g of gateways) g.close();
    await Promise.all(sims.map((s) => s.stop()));
  });

  const source = () => createKubeLogSource({ clusters: async () => clusters, now: () => clock.now() });

  it('selects by namespace and label across clusters, filters lines and tags each with its cluster and stream', async () => {
    const answer = await source().search({
      query: '{namespace="todo", app="backend"} |= "GET" != "health" |~ "20[0-9]"',
      cluster_ids: [],
      limit: 1000,
      direction: 'BACKWARD',
    });
    expect(answer.status).toBe('SUCCESS');
    expect(answer.clusters.map((c) => [c.cluster_name, c.status])).toEqual([
      ['prod', 'SUCCESS'],
      ['staging', 'SUCCESS'],
    ]);
    expect(answer.entries.length).toBeGreaterThan(0);
    expect(new Set(answer.entries.map((e) => e.cluster_name))).toEqual(new Set(['prod', 'staging']));
    for (const entry of answer.entries) {
      expect(entry.message).toContain('GET');
      expect(entry.stream).toMatchObject({ namespace: 'todo', app: 'backend', container: 'backend' });
    }
    const times = answer.entries.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('says when the limit cut the answer, and keeps to since/until and a cluster matcher', async () => {
    const few = await source().search({ query: '{namespace="todo"}', cluster_ids: [], limit: 3, direction: 'FORWARD' });
    expect(few.entries).toHaveLength(3);
    expect(few.truncated).toBe(true);
    expect(few.notes.join(' ')).toMatch(/lines matched; showing 3/);
    const start = new Date(clock.now().getTime() - 60_000).toISOString();
    const recent = await source().search({
      query: '{cluster="staging", pod=~"frontend-.*"}',
      cluster_ids: [],
      start_time: start,
      limit: 1000,
      direction: 'FORWARD',
    });
    expect(recent.entries.length).toBeGreaterThan(0);
    expect(recent.entries.every((e) => e.timestamp >= start && e.cluster_name === 'staging')).toBe(true);
    expect(recent.clusters.map((c) => c.cluster_name)).toEqual(['staging']);
  });

  it('reports a cluster that cannot be read as PARTIAL instead of failing', async () => {
    const broken: LogCluster = {
      name: 'gone',
      gateway: { list: async () => Promise.reject(new Error('connection refused')), logs: async () => '' },
    };
    const answer = await createKubeLogSource({
      clusters: async () => [...clusters, broken],
      now: () => clock.now(),
    }).search({
      query: '{namespace="todo"}',
      cluster_ids: [],
      limit: 10,
      direction: 'BACKWARD',
    });
    expect(answer.status).toBe('PARTIAL');
    expect(answer.clusters.find((c) => c.cluster_name === 'gone')).toMatchObject({
      status: 'ERROR',
      error: 'connection refused',
    });
  });

  it('refuses a query outside the subset before reading anything', async () => {
    await expect(
      source().query({ query: '{app="backend"} | json', cluster_ids: [], limit: 10, direction: 'BACKWARD' }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('follows new lines only', async () => {
    const batches: string[][] = [];
    const stop = new AbortController();
    const following = followKubeLogs({
      query: '{namespace="todo", app="backend", cluster="prod"}',
      clusters: async () => clusters,
      onEntries: (entries) => batches.push(entries.map((e) => `${e.stream.pod} ${e.timestamp}`)),
      signal: stop.signal,
      pollMs: 20,
      now: () => clock.now(),
    });
    await clock.advance(10_000);
    await expect.poll(() => batches.flat().length).toBeGreaterThan(0);
    const first = batches.flat().length;
    await clock.advance(10_000);
    await expect.poll(() => batches.flat().length).toBeGreaterThan(first);
    stop.abort();
    await following;
    const all = batches.flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
