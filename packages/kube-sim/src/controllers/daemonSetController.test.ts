import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { type Harness, startHarness } from './__fixtures__/harness.js';

type Json = Record<string, unknown>;
let h: Harness;

const daemonSet = (name: string, podSpec: Json = {}, spec: Json = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name, namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'agent', image: 'nginx:1.27' }], ...podSpec },
    },
    ...spec,
  },
});
/** What kind's kube-proxy and kindnet carry, so their daemons also run on the tainted control-plane node. */
const onControlPlane = {
  tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
};
const podsOf = (app: string) => h.list('Pod').filter((p) => p.metadata.labels?.app === app);
const nodesOf = (app: string) =>
  podsOf(app)
    .map((p) => String((p.spec as Json).nodeName))
    .sort();
const status = (name: string) => h.get('DaemonSet', name)!.status as Json;
const image = (p: KubeObject) => (((p.spec as Json).containers as Json[])[0] as Json).image;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('DaemonSet controller', () => {
  it('runs one pod on every node, pinned by node affinity, with the daemon tolerations', async () => {
    h.create(daemonSet('agent', onControlPlane));
    await h.settle();
    expect(nodesOf('agent')).toEqual(['sim-control-plane', 'sim-worker-1', 'sim-worker-2']);
    const pod = podsOf('agent')[0]!;
    expect(pod.metadata.name).toMatch(/^agent-[a-z0-9]{5}$/);
    const terms = (((pod.spec as Json).affinity as Json).nodeAffinity as Json)
      .requiredDuringSchedulingIgnoredDuringExecution as Json;
    expect(terms.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [(pod.spec as Json).nodeName] }] },
    ]);
    expect((pod.spec as Json).tolerations).toContainEqual({
      key: 'node.kubernetes.io/unschedulable',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
    expect(pod.metadata.labels?.['controller-revision-hash']).toMatch(/^[a-z0-9]{10}$/);
    await h.advance(1500);
    expect(status('agent')).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
  });

  it('honours taints, tolerations, nodeSelector and cordoned nodes', async () => {
    h.update('Node', 'sim-worker-2', (n) => {
      (n.spec as Json).unschedulable = true;
      n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    });
    h.create(daemonSet('plain'));
    h.create(daemonSet('everywhere', onControlPlane));
    h.create(daemonSet('ssd', { nodeSelector: { disk: 'ssd' } }));
    await h.settle();
    expect(nodesOf('plain')).toEqual(['sim-worker-1', 'sim-worker-2']);
    expect(nodesOf('everywhere')).toEqual(['sim-control-plane', 'sim-worker-1', 'sim-worker-2']);
    expect(nodesOf('ssd')).toEqual(['sim-worker-2']);
    expect(status('plain').desiredNumberScheduled).toBe(2);
    h.update('Node', 'sim-worker-1', (n) => {
      n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    });
    await h.settle();
    expect(nodesOf('ssd')).toEqual(['sim-worker-1', 'sim-worker-2']);
  });

  it('keeps a daemon on a node that gains a NoSchedule taint and evicts it for NoExecute', async () => {
    h.create(daemonSet('agent', onControlPlane));
    await h.advance(1500);
    h.update('Node', 'sim-worker-1', (n) => {
      (n.spec as Json).taints = [{ key: 'maintenance', effect: 'NoSchedule' }];
    });
    await h.settle();
    expect(nodesOf('agent')).toEqual(['sim-control-plane', 'sim-worker-1', 'sim-worker-2']);
    expect(status('agent')).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 1 });
    h.update('Node', 'sim-worker-1', (n) => {
      (n.spec as Json).taints = [{ key: 'maintenance', effect: 'NoExecute' }];
    });
    await h.settle();
    expect(nodesOf('agent')).toEqual(['sim-control-plane', 'sim-worker-2']);
    expect(status('agent')).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 0 });
  });

  it('rolls an update node by node within maxUnavailable', async () => {
    h.create(daemonSet('agent', onControlPlane));
    await h.advance(1500);
    h.update('DaemonSet', 'agent', (ds) => {
      const template = (ds.spec as Json).template as Json;
      ((template.spec as Json).containers as Json[])[0]!.image = 'nginx:1.28';
    });
    await h.settle();
    expect(podsOf('agent').map(image).sort()).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.28']);
    expect(status('agent')).toMatchObject({ updatedNumberScheduled: 1, numberUnavailable: 1, observedGeneration: 2 });
    await h.advance(1250);
    expect(podsOf('agent').map(image).sort()).toEqual(['nginx:1.27', 'nginx:1.28', 'nginx:1.28']);
    await h.advance(2500);
    expect(podsOf('agent').map(image)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
    expect(status('agent')).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, numberReady: 3 });
    expect(h.list('ControllerRevision').map((r) => r.revision)).toEqual(expect.arrayContaining([1, 2]));
  });

  it('surges a new pod beside each old one under maxSurge and removes the old one once the new is ready', async () => {
    h.create(
      daemonSet('surge', onControlPlane, {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      }),
    );
    await h.advance(1500);
    h.update('DaemonSet', 'surge', (ds) => {
      const template = (ds.spec as Json).template as Json;
      ((template.spec as Json).containers as Json[])[0]!.image = 'nginx:1.28';
    });
    await h.settle();
    expect(podsOf('surge')).toHaveLength(4);
    expect(podsOf('surge').map(image).sort()).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27', 'nginx:1.28']);
    expect(status('surge')).toMatchObject({ numberAvailable: 3, desiredNumberScheduled: 3 });
    await h.advance(1250);
    expect(podsOf('surge')).toHaveLength(4);
    expect(podsOf('surge').map(image).sort()).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.28', 'nginx:1.28']);
    await h.advance(2500);
    expect(podsOf('surge').map(image)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
    expect(status('surge')).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3 });
  });
});
