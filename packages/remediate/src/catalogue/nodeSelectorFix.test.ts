import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
  await h.apply(namespace('sched'));
});
afterAll(() => h?.stop());

describe('scheduling:fix-node-selector on the simulated cluster', () => {
  it('corrects a nodeSelector value no node has to the nearest value nodes carry, with labelling as the alternative', async () => {
    await h.apply(deployment('sched', 'pinned', {}, { nodeSelector: { 'kubernetes.io/os': 'linx' } }));
    const finding = await h.findingFor('pod-unschedulable', 'pinned-', 'sched');
    const { candidate, outcome } = await fixFinding(h, finding);
    expect(candidate.revision_diff).toEqual(['spec.nodeSelector: kubernetes.io/os=linx → kubernetes.io/os=linux']);
    expect(candidate.alternatives[0]).toMatch(/^label a node instead: kubectl label node \S+ kubernetes.io\/os=linx$/);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });

  it('drops a nodeSelector key no node carries at all', async () => {
    await h.apply(deployment('sched', 'fussy', {}, { nodeSelector: { disktype: 'ssd' } }));
    const finding = await h.findingFor('pod-unschedulable', 'fussy-', 'sched');
    const { candidate, outcome } = await fixFinding(h, finding);
    expect(candidate.revision_diff).toEqual(['spec.nodeSelector: disktype=ssd → (removed: no node has disktype)']);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });
});
