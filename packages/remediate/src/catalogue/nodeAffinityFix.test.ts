import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
  await h.apply(namespace('affinity'));
});
afterAll(() => h?.stop());

const requiring = (...matchExpressions: Record<string, unknown>[]) => ({
  affinity: {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } },
  },
});

describe('scheduling:fix-node-affinity on the simulated cluster', () => {
  it('corrects an In value no node carries to the nearest one, keeps the rest of the term, and verifies', async () => {
    await h.apply(
      deployment(
        'affinity',
        'typo',
        {},
        requiring(
          { key: 'kubernetes.io/os', operator: 'In', values: ['linx'] },
          { key: 'kubernetes.io/arch', operator: 'Exists' },
        ),
      ),
    );
    const finding = await h.findingFor('pod-unschedulable', 'typo-', 'affinity');
    const { candidate, outcome, proposal } = await fixFinding(h, finding, 'scheduling:fix-node-affinity');
    expect(proposal.declined).toEqual([]);
    expect(candidate.revision_diff).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]: kubernetes.io/os In [linx] → kubernetes.io/os In [linux]',
    ]);
    expect(candidate.alternatives[0]).toMatch(
      /^label a node instead: kubectl label node sim-worker-\d kubernetes.io\/os=linx$/,
    );
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    const live = await h.gateway.get({ kind: 'Deployment', name: 'typo', namespace: 'affinity' });
    expect(JSON.stringify(live?.spec)).toContain('"values":["linux"]');
    expect(JSON.stringify(live?.spec)).toContain('"kubernetes.io/arch"');
  });

  it('drops a requirement on a label no node has, with the way back planned', async () => {
    await h.apply(deployment('affinity', 'gpu', {}, requiring({ key: 'gpu', operator: 'In', values: ['a100'] })));
    const finding = await h.findingFor('pod-unschedulable', 'gpu-', 'affinity');
    const { candidates } = await h.remediator.diagnose(finding, { only: 'scheduling:fix-node-affinity' });
    expect(candidates[0]?.revision_diff).toEqual([expect.stringMatching(/gpu In \[a100\] → \(removed\)$/)]);
    expect(candidates[0]?.rollback[0]?.description).toBe('restore node affinity of gpu');
  });

  it('has nothing to say about a pod with no required node affinity', async () => {
    await h.apply(deployment('affinity', 'plain', {}, { nodeSelector: { disktype: 'ssd' } }));
    const finding = await h.findingFor('pod-unschedulable', 'plain-', 'affinity');
    const proposal = await h.remediator.diagnose(finding, { only: 'scheduling:fix-node-affinity' });
    expect(proposal.candidates).toEqual([]);
    expect(proposal.declined).toEqual([expect.stringContaining('has no required node affinity')]);
  });
});
