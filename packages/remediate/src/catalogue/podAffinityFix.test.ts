import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
  await h.apply(namespace('pods'));
});
afterAll(() => h?.stop());

const hostname = 'kubernetes.io/hostname';
const required = (kind: 'podAffinity' | 'podAntiAffinity', matchLabels: Record<string, string>) => ({
  affinity: {
    [kind]: {
      requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels }, topologyKey: hostname }],
    },
  },
});

describe('scheduling:fix-pod-affinity on the simulated cluster', () => {
  it('scales a spread one-per-node to the nodes there are when the replica too many is Pending, and verifies', async () => {
    // Two schedulable workers (the control plane is tainted): the third replica fits nowhere.
    await h.apply(deployment('pods', 'spread', {}, required('podAntiAffinity', { app: 'spread' }), 3));
    const finding = await h.findingFor('pod-unschedulable', 'spread-', 'pods');
    expect(JSON.stringify(finding.evidence)).toMatch(/didn't match pod anti-affinity rules/);
    // The catalogue's best fix for it, ahead of the node selector, affinity and taint remediations (which decline).
    const proposal = await h.remediator.diagnose(finding);
    expect(proposal.candidates.map((c) => c.remediation)).toEqual(['scheduling:fix-pod-affinity']);
    const { candidate, outcome } = await fixFinding(h, finding, 'scheduling:fix-pod-affinity');
    expect(candidate.summary).toMatch(/^scale deployment spread from 3 to 2: .* one pod per kubernetes.io\/hostname/);
    expect(candidate.revision_diff).toEqual(['spec.replicas: 3 → 2']);
    expect(candidate.alternatives[0]).toBe('add 1 node(s) with a distinct kubernetes.io/hostname label');
    expect(candidate.rollback[0]).toMatchObject({ op: 'scale', replicas: 3 });
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    const pods = await h.gateway.list('Pod', { namespace: 'pods', labelSelector: 'app=spread' });
    const nodes = pods.map((p) => (p.spec as { nodeName?: string }).nodeName);
    expect(new Set(nodes).size).toBe(2); // still one per node
  });

  it('corrects a pod affinity selector one typo away from the labels the wanted pods carry, and verifies', async () => {
    await h.apply(deployment('pods', 'cache', {}, {}, 1));
    await h.apply(deployment('pods', 'api', {}, required('podAffinity', { app: 'cahce' }), 1));
    const finding = await h.findingFor('pod-unschedulable', 'api-', 'pods');
    const { candidate, outcome } = await fixFinding(h, finding, 'scheduling:fix-pod-affinity');
    expect(candidate.revision_diff).toEqual([
      expect.stringMatching(/^spec\.affinity\.podAffinity app=cahce → app=cache \(labels of pod cache-/),
    ]);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    const [api] = await h.gateway.list('Pod', { namespace: 'pods', labelSelector: 'app=api' });
    const [cache] = await h.gateway.list('Pod', { namespace: 'pods', labelSelector: 'app=cache' });
    expect((api?.spec as { nodeName?: string } | undefined)?.nodeName).toBeDefined();
    expect((api?.spec as { nodeName?: string } | undefined)?.nodeName).toBe(
      (cache?.spec as { nodeName?: string } | undefined)?.nodeName,
    );
  });

  it('makes an affinity to pods nobody runs preferred, with the way back planned', async () => {
    await h.apply(deployment('pods', 'lonely', {}, required('podAffinity', { app: 'ghost' }), 1));
    const finding = await h.findingFor('pod-unschedulable', 'lonely-', 'pods');
    const { candidate, outcome } = await fixFinding(h, finding, 'scheduling:fix-pod-affinity');
    expect(candidate.revision_diff).toEqual([
      'spec.affinity.podAffinity app=ghost per kubernetes.io/hostname → preferred (no pod carries these labels)',
    ]);
    expect(candidate.rollback[0]?.description).toBe('restore pod affinity of lonely');
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    const live = await h.gateway.get({ kind: 'Deployment', name: 'lonely', namespace: 'pods' });
    expect(JSON.stringify(live?.spec)).toContain('"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":100');
    expect(JSON.stringify(live?.spec)).not.toContain('requiredDuringScheduling');
  });

  it('has nothing to say about a pod Pending on a nodeSelector', async () => {
    await h.apply(deployment('pods', 'pinned', {}, { nodeSelector: { disktype: 'ssd' } }, 1));
    const finding = await h.findingFor('pod-unschedulable', 'pinned-', 'pods');
    const proposal = await h.remediator.diagnose(finding, { only: 'scheduling:fix-pod-affinity' });
    expect(proposal.candidates).toEqual([]);
    expect(proposal.declined).toEqual([expect.stringContaining('is not Pending on pod affinity or anti-affinity')]);
  });
});
