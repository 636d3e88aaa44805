import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploymentOf, type Harness, startHarness } from './__fixtures__/harness.js';

type Json = Record<string, unknown>;
let h: Harness;

const setConditions = (node: string, change: Record<string, string>) => {
  const type = h.sim.api.registry.byKind('v1', 'Node')!;
  const current = structuredClone(h.sim.store.get(type, undefined, node));
  delete current.metadata.resourceVersion;
  const conditions = ((current.status as Json).conditions as Json[]).map((c) =>
    change[String(c.type)] ? { ...c, status: change[String(c.type)] } : c,
  );
  h.sim.store.update(
    type,
    { ...current, status: { ...(current.status as Json), conditions } },
    { subresource: 'status' },
  );
};
const taints = (node: string) => (h.get('Node', node)!.spec as Json).taints as Json[] | undefined;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('node lifecycle controller', () => {
  it('taints a node by its conditions, keeps other taints, and untaints it when they clear', async () => {
    h.update('Node', 'sim-worker-2', (n) => {
      (n.spec as Json).taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }];
    });
    setConditions('sim-worker-2', { Ready: 'False', MemoryPressure: 'True' });
    await h.settle();
    expect(taints('sim-worker-2')).toEqual([
      { key: 'dedicated', value: 'db', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:00Z' },
      { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
    ]);
    // Not ready -> unreachable swaps the taints; a later pass keeps timeAdded where it is.
    await h.advance(5_000);
    setConditions('sim-worker-2', { Ready: 'Unknown' });
    await h.settle();
    expect(taints('sim-worker-2')?.filter((t) => String(t.key).startsWith('node.kubernetes.io/'))).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2026-01-01T00:00:05Z' },
      { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
    ]);
    setConditions('sim-worker-2', { Ready: 'True', MemoryPressure: 'False' });
    await h.settle();
    expect(taints('sim-worker-2')).toEqual([{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    expect(taints('sim-worker-1')).toBeUndefined();
  });

  it('keeps new pods off a not-ready node', async () => {
    setConditions('sim-worker-1', { Ready: 'False' });
    await h.settle();
    h.create(deploymentOf('web', 3));
    await h.advance(5_000);
    expect(h.list('Pod').map((p) => (p.spec as Json).nodeName)).toEqual([
      'sim-worker-2',
      'sim-worker-2',
      'sim-worker-2',
    ]);
  });
});
