import type { KubeObject } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Drill, drillHarness } from './__fixtures__/drillHarness.js';

let d: Drill;
beforeAll(async () => {
  d = await drillHarness('node-failure');
});
afterAll(() => d?.stop());

/** Sets the node's Ready condition as its kubelet (or the node lifecycle controller) would. */
function setReady(node: string, ready: boolean) {
  const type = d.sim.api.registry.byKind('v1', 'Node');
  if (!type) throw new Error('no Node type');
  const current = d.sim.api.store.get(type, undefined, node) as KubeObject & {
    status: { conditions: { type: string }[] };
  };
  const now = d.clock.now().toISOString();
  const conditions = current.status.conditions.map((c) =>
    c.type === 'Ready'
      ? {
          ...c,
          status: ready ? 'True' : 'Unknown',
          reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
          message: ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
          lastTransitionTime: now,
          lastHeartbeatTime: now,
        }
      : c,
  );
  d.sim.api.store.update(type, { ...current, status: { ...current.status, conditions } } as never, {
    subresource: 'status',
  });
}

describe('drill: a node fails', () => {
  it('opens one incident, names the failed node first, cordons and drains it by runbook, and resolves once it is back', async () => {
    expect(await d.observe()).toEqual([]);
    const [pod] = await d.gateway.list('Pod', { namespace: 'todo', labelSelector: 'app=backend' });
    const node = (pod?.spec as { nodeName: string } | undefined)?.nodeName ?? '';
    setReady(node, false);
    await d.advance(30_000);
    await d.observe();
    const open = await d.store.incidents.list({ status: 'DETECTED' });
    expect(open.items).toHaveLength(1);
    const incident = open.items[0]!;

    const analysis = await d.commander.analyze(incident.id, 'alice');
    expect(analysis.causes[0]).toMatchObject({
      kind: 'node-failure',
      subject: { kind: 'Node', name: node },
      runbook: { name: 'cordon-and-drain-node', input: { node } },
    });
    expect(analysis.causes[0]?.evidence[0]?.detail).toContain(`node ${node} is NotReady`);

    let run = await d.whileRunning(d.commander.executeRunbook(incident.id, { user: 'alice' }));
    expect(run.status).toBe('AWAITING_APPROVAL'); // the cordon
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob' }));
    expect(run.status).toBe('AWAITING_APPROVAL'); // the drain: destructive, its node's name typed
    await expect(d.runner.approve(run.id, { user: 'bob' })).rejects.toMatchObject({ name: 'NotAllowedError' });
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob', confirmations: [node] }));
    expect(run.status, JSON.stringify(run.step_results)).toBe('SUCCEEDED');
    expect(
      ((await d.gateway.get({ kind: 'Node', name: node }))?.spec as { unschedulable?: boolean } | undefined)
        ?.unschedulable,
    ).toBe(true);

    // The node is repaired: its signal clears, and after the hysteresis the incident resolves itself.
    setReady(node, true);
    await d.advance(30_000);
    await d.observe();
    await d.advance(125_000);
    const [resolved] = await d.commander.tick();
    expect(resolved).toMatchObject({ id: incident.id, status: 'RESOLVED' });
    const pm = await d.commander.generatePostMortem(incident.id, 'alice');
    expect(pm.markdown).toContain('Runbook **cordon-and-drain-node** (SUCCEEDED');
  });
});
