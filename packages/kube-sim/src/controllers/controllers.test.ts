import { ManualClock } from '@opspilot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;
let sim: SimCluster;
let clock: ManualClock;

const settle = () => new Promise((r) => setTimeout(r, 30));
async function advance(ms: number): Promise<void> {
  await settle();
  const step = ms > 5000 ? 1000 : 250;
  for (let t = 0; t < ms; t += step) {
    await clock.advance(step);
    await settle();
  }
}
const type = (group: string, plural: string) => sim.api.registry.find(group, 'v1', plural)!;
const list = (group: string, plural: string, namespace = 'default') =>
  sim.store.list(type(group, plural), { namespace }).items;
const create = (group: string, plural: string, obj: Json): KubeObject =>
  sim.store.create(type(group, plural), obj as unknown as KubeObject);

const deployment = (name: string, image: string, replicas: number, container: Json = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 80 }], ...container }] },
    },
  },
});
const podsOf = (app: string) => list('', 'pods').filter((p) => p.metadata.labels?.app === app);
const state = (pod: KubeObject) =>
  ((pod.status as Json).containerStatuses as Json[] | undefined)?.[0] as Json | undefined;

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock, tls: false });
});
afterEach(async () => sim?.stop());

describe('controllers and behaviour model', () => {
  it('rolls a deployment out to ready pods with endpoints and status', async () => {
    create('apps', 'deployments', deployment('web', 'nginx:1.27', 3));
    create('', 'services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    await settle();
    const rs = list('apps', 'replicasets');
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.name).toMatch(/^web-[a-z0-9]{10}$/);
    expect(rs[0]!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(podsOf('web')).toHaveLength(3);
    expect(podsOf('web')[0]!.metadata.name).toMatch(/^web-[a-z0-9]{10}-[a-z0-9]{5}$/);
    expect(podsOf('web').every((p) => (p.spec as Json).nodeName)).toBe(true);
    await advance(1500);
    expect(podsOf('web').map((p) => (p.status as Json).phase)).toEqual(['Running', 'Running', 'Running']);
    const dep = list('apps', 'deployments')[0]!;
    expect(dep.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
      observedGeneration: 1,
    });
    const endpoints = sim.store.get(type('', 'endpoints'), 'default', 'web') as KubeObject & {
      subsets: { addresses: unknown[]; ports: { port: number }[] }[];
    };
    expect(endpoints.subsets[0]!.addresses).toHaveLength(3);
    expect(endpoints.subsets[0]!.ports[0]!.port).toBe(80);
  });

  it('rolls an image update through a new ReplicaSet and keeps the old one as history', async () => {
    create('apps', 'deployments', deployment('api', 'nginx:1.27', 2));
    await advance(1500);
    const dep = list('apps', 'deployments')[0]!;
    const next = structuredClone(dep);
    delete next.metadata.resourceVersion;
    ((next.spec as Json).template as { spec: { containers: Json[] } }).spec.containers[0]!.image = 'nginx:1.28';
    sim.store.update(type('apps', 'deployments'), next);
    await advance(3000);
    const sets = list('apps', 'replicasets').sort(
      (a, b) =>
        Number(a.metadata.annotations?.['deployment.kubernetes.io/revision']) -
        Number(b.metadata.annotations?.['deployment.kubernetes.io/revision']),
    );
    expect(sets.map((s) => (s.spec as Json).replicas)).toEqual([0, 2]);
    expect(podsOf('api').map((p) => ((p.spec as Json).containers as Json[])[0]!.image)).toEqual([
      'nginx:1.28',
      'nginx:1.28',
    ]);
    expect(list('apps', 'deployments')[0]!.status).toMatchObject({ updatedReplicas: 2, availableReplicas: 2 });
  });

  it('fails unknown images with ErrImagePull then ImagePullBackOff, and warns with an event', async () => {
    create('apps', 'deployments', deployment('ghost', 'ghcr.io/acme/ghost:9.9', 1));
    await advance(600);
    expect((state(podsOf('ghost')[0]!)!.state as Json).waiting).toMatchObject({ reason: 'ErrImagePull' });
    await advance(1000);
    expect((state(podsOf('ghost')[0]!)!.state as Json).waiting).toMatchObject({ reason: 'ImagePullBackOff' });
    const events = list('', 'events').map((e) => `${e.type} ${e.reason}`);
    expect(events).toContain('Warning Failed');
  });

  it('crash-loops a failing container with back-off and counts restarts', async () => {
    create('apps', 'deployments', deployment('crash', 'opspilot/crasher:1.0', 1));
    await advance(5000);
    let s = state(podsOf('crash')[0]!)!;
    expect((s.state as Json).waiting).toMatchObject({ reason: 'CrashLoopBackOff' });
    expect(s.restartCount).toBe(0);
    await advance(15_000);
    s = state(podsOf('crash')[0]!)!;
    expect(s.restartCount).toBe(1);
    await advance(15_000);
    expect(state(podsOf('crash')[0]!)!.restartCount).toBe(2);
    expect(s.lastState).toMatchObject({ terminated: { exitCode: 1, reason: 'Error' } });
  });

  it('kills a container over its memory limit with OOMKilled', async () => {
    create(
      'apps',
      'deployments',
      deployment('hog', 'opspilot/memory-hog:1.0', 1, { resources: { limits: { memory: '256Mi' } } }),
    );
    await advance(3000);
    expect(state(podsOf('hog')[0]!)!.lastState).toMatchObject({ terminated: { reason: 'OOMKilled', exitCode: 137 } });
  });

  it('leaves a pod that fits no node Pending with the scheduler message', async () => {
    create('apps', 'deployments', deployment('big', 'nginx:1.27', 1, { resources: { requests: { cpu: '64' } } }));
    await advance(500);
    const pod = podsOf('big')[0]!;
    expect((pod.status as Json).phase).toBe('Pending');
    expect(((pod.status as Json).conditions as Json[])[0]).toMatchObject({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
    });
    expect(list('', 'events').find((e) => e.reason === 'FailedScheduling')?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('keeps a pod with a failing readiness probe out of the endpoints', async () => {
    create(
      'apps',
      'deployments',
      deployment('probe', 'nginx:1.27', 1, { readinessProbe: { httpGet: { path: '/not-served', port: 80 } } }),
    );
    create('', 'services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'probe', namespace: 'default' },
      spec: { selector: { app: 'probe' }, ports: [{ port: 80 }] },
    });
    await advance(2000);
    const endpoints = sim.store.get(type('', 'endpoints'), 'default', 'probe') as KubeObject & { subsets: Json[] };
    expect(endpoints.subsets[0]).not.toHaveProperty('addresses');
    expect(endpoints.subsets[0]!.notReadyAddresses).toHaveLength(1);
  });
});
