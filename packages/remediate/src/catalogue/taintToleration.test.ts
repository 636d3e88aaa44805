import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
const workers = ['sim-worker-1', 'sim-worker-2'];
const taint = (node: string, taints: unknown[]) => h.gateway.patch({ kind: 'Node', name: node }, { spec: { taints } });
beforeAll(async () => {
  h = await remediateHarness();
  await h.apply(namespace('tainted'));
  for (const node of workers) await taint(node, [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }]);
});
afterAll(() => h?.stop());

describe('scheduling:tolerate-taint on the simulated cluster', () => {
  it('tolerates the taint of a worker (not the control plane), points to untainting it, and verifies', async () => {
    await h.apply(deployment('tainted', 'api', {}));
    const finding = await h.findingFor('pod-unschedulable', 'api-', 'tainted');
    expect(finding.message).toContain('untolerated taint');
    const { candidate, outcome } = await fixFinding(h, finding, 'scheduling:tolerate-taint');
    expect(candidate.summary).toBe('let deployment api tolerate dedicated=batch:NoSchedule (node sim-worker-1)');
    expect(candidate.revision_diff).toEqual(['spec.tolerations: + dedicated=batch Equal NoSchedule']);
    expect(candidate.alternatives[0]).toBe(
      'untaint the node instead (it opens it to every pod): kubectl taint node sim-worker-1 dedicated=batch:NoSchedule-',
    );
    expect(candidate.effect).toBe('write');
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });

  it('abandons the toleration when the node it was planned against was retainted before the apply', async () => {
    await h.apply(deployment('tainted', 'web', {}));
    const finding = await h.findingFor('pod-unschedulable', 'web-', 'tainted');
    const { candidates } = await h.remediator.diagnose(finding, { only: 'scheduling:tolerate-taint' });
    const candidate = candidates[0]!;
    const proposed = await h.remediator.propose(candidate, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error('expected an operation');
    await taint('sim-worker-1', [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    const outcome = await h.whileRunning(
      h.remediator.execute(proposed.operation.id, candidate, { user: 'alice', approver: 'bob' }),
    );
    expect(outcome.status).toBe('ABANDONED');
    expect(outcome.message).toContain('Node sim-worker-1 changed since the plan: spec.taints');
    const abandoned = await h.store.audit.list({ action: 'remediation.abandoned' });
    expect(abandoned.items).toHaveLength(1);
  });

  it('never tolerates the node controller’s taints of NotReady nodes', async () => {
    // The kubelets report NotReady: the node lifecycle controller taints both workers not-ready.
    const nodeType = h.sim.api.registry.byKind('v1', 'Node')!;
    for (const node of workers) {
      await taint(node, []);
      const current = structuredClone(h.sim.store.get(nodeType, undefined, node));
      delete current.metadata.resourceVersion;
      const status = current.status as { conditions: { type: string; status: string }[] };
      status.conditions = status.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c));
      h.sim.store.update(nodeType, current, { subresource: 'status' });
    }
    await h.apply(deployment('tainted', 'down', {}));
    const finding = await h.findingFor('pod-unschedulable', 'down-', 'tainted');
    const proposal = await h.remediator.diagnose(finding, { only: 'scheduling:tolerate-taint' });
    // Only the control plane is left to tolerate; the workers' not-ready taints never are.
    expect(proposal.candidates.map((c) => c.summary)).toEqual([
      'let deployment down tolerate node-role.kubernetes.io/control-plane:NoSchedule (node sim-control-plane)',
    ]);
  });
});
