import { type ClusterGateway, systemClock } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterHealthReport } from './clusterHealthReport.js';
import type { ModelChange } from './kindStore.js';
import { type ClusterWatch, watchCluster } from './watchCluster.js';

const running: { sims: SimCluster[]; gateways: KubeClusterGateway[]; watches: ClusterWatch[] } = {
  sims: [],
  gateways: [],
  watches: [],
};

afterEach(async () => {
  await Promise.all(running.watches.splice(0).map((w) => w.stop()));
  for (const gateway of running.gateways.splice(0)) gateway.close();
  await Promise.all(running.sims.splice(0).map((s) => s.stop()));
});

async function sim(scenario?: string, port?: number): Promise<SimCluster> {
  const started = await startSimCluster({ scenario, port });
  running.sims.push(started);
  return started;
}

function gatewayOf(cluster: SimCluster): KubeClusterGateway {
  const gateway = createClusterGateway({ kubeconfigYaml: cluster.kubeconfig });
  running.gateways.push(gateway);
  return gateway;
}

/** A gateway whose cluster can be swapped, as a cluster that comes back (with new credentials) would be. */
function switchable(initial: ClusterGateway): { gateway: ClusterGateway; target: { current: ClusterGateway } } {
  const target = { current: initial };
  const gateway = new Proxy({} as ClusterGateway, {
    get:
      (_, method: keyof ClusterGateway) =>
      (...args: unknown[]) =>
        (target.current[method] as (...a: unknown[]) => unknown).apply(target.current, args),
  });
  return { gateway, target };
}

function watch(
  name: string,
  gateway: ClusterGateway,
  reports: ClusterHealthReport[] = [],
  changes: ModelChange[] = [],
): ClusterWatch {
  const started = watchCluster({
    cluster: name,
    gateway,
    clock: systemClock,
    probeIntervalMs: 200,
    debounceMs: 50,
    backoff: { initialMs: 50, maxMs: 200 },
    onReport: (report) => reports.push(report),
    onChange: (change) => changes.push(change),
  });
  running.watches.push(started);
  return started;
}

describe('watchCluster against the simulated cluster', { timeout: 90_000 }, () => {
  it('measures the demo scenario ONLINE with a higher score than the broken one', async () => {
    const demo = watch('demo', gatewayOf(await sim('demo')));
    const broken = watch('broken', gatewayOf(await sim('broken')));
    await expect.poll(() => demo.report().status.state, { timeout: 20_000 }).toBe('ONLINE');
    await expect.poll(() => broken.report().findings.CRITICAL, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(broken.report().status.health_score).toBeLessThan(demo.report().status.health_score ?? 0);
    expect(demo.report().counts.nodes).toBe(3);
    expect(demo.report().last_seen_at).toBeDefined();
  });

  it('turns OFFLINE with the reason when the cluster stops, and ONLINE again when it returns', async () => {
    const first = await sim('demo');
    const { gateway, target } = switchable(gatewayOf(first));
    const reports: ClusterHealthReport[] = [];
    const watched = watch('staging', gateway, reports);
    await expect.poll(() => watched.report().status.state, { timeout: 20_000 }).toBe('ONLINE');
    // Not awaited: the port is released at once, but the simulated server may wait for a connection the watchers
    // opened while it was closing to time out before its close completes.
    void first.stop();
    await expect.poll(() => watched.report().status.state, { timeout: 20_000 }).toBe('OFFLINE');
    expect(watched.report().status).toMatchObject({ health_score: 0, connectivity: 'DISCONNECTED' });
    expect(watched.report().status.last_error).toMatch(/ECONNREFUSED|connect|reach/i);
    const offlineSeen = watched.report().last_seen_at;
    expect(offlineSeen).toBeDefined();

    const port = Number(new URL(first.url).port);
    target.current = gatewayOf(await sim('demo', port));
    await expect.poll(() => watched.report().status.state, { timeout: 20_000 }).toBe('ONLINE');
    expect(watched.report().status.last_error).toBeUndefined();
    const states = reports.map((r) => r.status.state);
    expect(states.indexOf('OFFLINE')).toBeGreaterThan(states.indexOf('ONLINE'));
    expect(states.at(-1)).toBe('ONLINE');
  });

  it('resumes a broken watch from its resourceVersion without losing or duplicating objects', async () => {
    const cluster = await sim('demo');
    const gateway = gatewayOf(cluster);
    const changes: ModelChange[] = [];
    const watched = watch('demo', gateway, [], changes);
    await expect.poll(() => watched.model.ready, { timeout: 20_000 }).toBe(true);
    const podLists = () =>
      cluster.api.requests.list().filter((r) => r.path.startsWith('/api/v1/pods') && !r.path.includes('watch=')).length;
    const listsBefore = podLists();

    cluster.api.closeWatches();
    for (const name of ['late-1', 'late-2']) {
      await gateway.apply({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default' },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
      });
    }
    const names = () =>
      watched.model
        .objects('Pod')
        .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
        .sort();
    const simPods = async () =>
      (await gateway.list('Pod')).map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
    await expect.poll(names, { timeout: 20_000 }).toEqual(expect.arrayContaining(['default/late-1', 'default/late-2']));
    // Resumed from the last resourceVersion seen, not re-listed.
    expect(podLists()).toBe(listsBefore);
    await expect
      .poll(async () => JSON.stringify(names()) === JSON.stringify(await simPods()), { timeout: 20_000 })
      .toBe(true);
    const added = changes.filter(
      (c) => c.type === 'ADDED' && c.kind === 'Pod' && c.object.metadata.name.startsWith('late-'),
    );
    expect(added.map((c) => c.object.metadata.name).sort()).toEqual(['late-1', 'late-2']);
  });
});
