import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { deploymentOf, type Harness, startHarness } from './__fixtures__/harness.js';
import { evictionDelay } from './taintEvictionController.js';

type Json = Record<string, unknown>;
let h: Harness;

const MAINTENANCE = { key: 'maintenance', value: 'true', effect: 'NoExecute' };

const pod = (name: string, node: string, tolerations: Json[] = []) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: name } },
  spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx:1.27' }], tolerations },
});
const taint = (node: string, taints: Json[]) =>
  h.update('Node', node, (n) => {
    (n.spec as Json).taints = taints;
  });
const names = (kind = 'Pod') => h.list(kind).map((p) => p.metadata.name);
const messages = (reason: string) => h.events(reason).map((e) => e.message as string);
const setReady = (node: string, status: 'True' | 'False' | 'Unknown') => {
  const type = h.sim.api.registry.byKind('v1', 'Node')!;
  const current = h.sim.store.get(type, undefined, node);
  const conditions = ((current.status as Json).conditions as Json[]).map((c) =>
    c.type === 'Ready' ? { ...c, status, reason: status === 'True' ? 'KubeletReady' : 'NodeStatusUnknown' } : c,
  );
  const next = structuredClone(current) as KubeObject;
  delete next.metadata.resourceVersion;
  h.sim.store.update(type, { ...next, status: { ...(current.status as Json), conditions } }, { subresource: 'status' });
};

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('evictionDelay', () => {
  it('is 0 for an untolerated taint, the smallest bound otherwise, undefined when tolerated forever', () => {
    expect(evictionDelay([], [MAINTENANCE])).toBe(0);
    expect(evictionDelay([{ key: 'maintenance', operator: 'Exists', effect: 'NoSchedule' }], [MAINTENANCE])).toBe(0);
    expect(evictionDelay([{ key: 'maintenance', operator: 'Exists' }], [MAINTENANCE])).toBeUndefined();
    expect(
      evictionDelay(
        [
          { key: 'maintenance', operator: 'Equal', value: 'true', effect: 'NoExecute', tolerationSeconds: 60 },
          { key: 'other', operator: 'Exists', tolerationSeconds: 30 },
        ],
        [MAINTENANCE, { key: 'other', effect: 'NoExecute' }],
      ),
    ).toBe(30_000);
    expect(evictionDelay([{ operator: 'Exists', tolerationSeconds: 0 }], [MAINTENANCE])).toBe(0);
  });
});

describe('taint eviction controller', () => {
  it('evicts at once the pods that do not tolerate a NoExecute taint, with the real event and condition', async () => {
    h.create(pod('plain', 'sim-worker-1'));
    h.create(pod('forever', 'sim-worker-1', [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute' }]));
    h.create(pod('elsewhere', 'sim-worker-2'));
    await h.advance(5_000);
    const seen: Json[] = [];
    const stop = h.sim.store.subscribe((e) => {
      if (e.resource.kind === 'Pod' && e.object.metadata.name === 'plain') seen.push(e.object.status as Json);
    });
    taint('sim-worker-1', [MAINTENANCE]);
    await h.settle();
    stop();
    expect(names().sort()).toEqual(['elsewhere', 'forever']);
    expect(messages('TaintManagerEviction')).toEqual(['Marking for deletion Pod default/plain']);
    const [event] = h.events('TaintManagerEviction');
    expect(event).toMatchObject({
      type: 'Normal',
      involvedObject: { kind: 'Pod', name: 'plain' },
      source: { component: 'taint-eviction-controller' },
    });
    const conditions = seen.flatMap((s) => (s.conditions as Json[] | undefined) ?? []);
    expect(conditions).toContainEqual(
      expect.objectContaining({
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
      }),
    );
    // Tolerated without a bound: it stays for good.
    await h.advance(3_600_000, 60_000);
    expect(names().sort()).toEqual(['elsewhere', 'forever']);
  });

  it('evicts a pod with tolerationSeconds that long after the taint, on the cluster clock', async () => {
    h.create(
      pod('bounded', 'sim-worker-1', [
        { key: 'maintenance', operator: 'Equal', value: 'true', effect: 'NoExecute', tolerationSeconds: 120 },
      ]),
    );
    await h.advance(5_000);
    taint('sim-worker-1', [MAINTENANCE]);
    await h.advance(119_000);
    expect(names()).toEqual(['bounded']);
    await h.advance(2_000);
    expect(names()).toEqual([]);
    expect(messages('TaintManagerEviction')).toEqual(['Marking for deletion Pod default/bounded']);
  });

  it('cancels a scheduled eviction when the taint goes, with the real event', async () => {
    h.create(pod('bounded', 'sim-worker-1', [{ key: 'maintenance', operator: 'Exists', tolerationSeconds: 60 }]));
    await h.advance(5_000);
    taint('sim-worker-1', [MAINTENANCE]);
    await h.advance(30_000);
    taint('sim-worker-1', []);
    await h.advance(120_000, 10_000);
    expect(names()).toEqual(['bounded']);
    expect(messages('TaintManagerEviction')).toEqual(['Cancelling deletion of Pod default/bounded']);
  });

  it('lets the ReplicaSet replace evicted pods on nodes the taint does not cover', async () => {
    h.create(deploymentOf('web', 4));
    await h.advance(10_000);
    const onWorker1 = h.list('Pod').filter((p) => (p.spec as Json).nodeName === 'sim-worker-1');
    expect(onWorker1.length).toBeGreaterThan(0);
    taint('sim-worker-1', [MAINTENANCE]);
    await h.advance(10_000);
    const pods = h.list('Pod');
    expect(pods).toHaveLength(4);
    expect(pods.every((p) => (p.spec as Json).nodeName === 'sim-worker-2')).toBe(true);
    expect(pods.every((p) => (p.status as Json).phase === 'Running')).toBe(true);
    expect(h.events('TaintManagerEviction')).toHaveLength(onWorker1.length);
  });

  it('taints a NotReady node and evicts its pods after the 300 s default tolerations, daemon pods excepted', async () => {
    h.create(deploymentOf('web', 2));
    h.create({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] },
        },
      },
    });
    await h.advance(10_000);
    const tolerations = (h.list('Pod').find((p) => p.metadata.name.startsWith('web-'))!.spec as Json).tolerations;
    expect(tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    setReady('sim-worker-1', 'Unknown');
    await h.settle();
    expect((h.get('Node', 'sim-worker-1')!.spec as Json).taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:10Z' },
    ]);
    const webOn1 = () =>
      h.list('Pod').filter((p) => p.metadata.name.startsWith('web-') && (p.spec as Json).nodeName === 'sim-worker-1');
    const before = webOn1().length;
    expect(before).toBeGreaterThan(0);
    await h.advance(290_000, 10_000);
    expect(webOn1()).toHaveLength(before);
    await h.advance(20_000, 10_000);
    expect(webOn1()).toHaveLength(0);
    expect(h.list('Pod').filter((p) => p.metadata.name.startsWith('web-'))).toHaveLength(2);
    expect(h.list('Pod').filter((p) => p.metadata.name.startsWith('agent-'))).toHaveLength(2);
    expect(h.events('TaintManagerEviction')).toHaveLength(before);
    setReady('sim-worker-1', 'True');
    await h.settle();
    expect((h.get('Node', 'sim-worker-1')!.spec as Json).taints).toBeUndefined();
  });
});
