import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

const limited = (name: string, image: string, memory: string) =>
  deployment('oom', name, { image, resources: { limits: { memory } } }, {}, 1);

describe('oom:raise-memory-limit on the simulated cluster', () => {
  it('raises the limit of a container killed at its limit to twice the limit, and the pods recover', async () => {
    await h.apply(namespace('oom'), limited('hog', 'opspilot/memory-hog:1.0', '512Mi'));
    const finding = await h.findingFor('pod-oom-killed', 'hog-', 'oom');
    const { candidate, proposed, outcome } = await fixFinding(h, finding);
    expect(candidate.remediation).toBe('oom:raise-memory-limit');
    expect(candidate.revision_diff).toEqual(['containers[app].resources.limits.memory: 512Mi → 1Gi']);
    expect(candidate.evidence.map((e) => e.detail).join('\n')).toMatch(/usage reached the 512Mi limit/);
    expect(proposed.operation.diff).toMatch(/-\s+memory: 512Mi\n\+\s+memory: 1Gi/);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });

  it('leaves the workload as it was when the raised limit is still too low for the rollout to finish', async () => {
    // memory-hog holds 900Mi: twice a 256Mi limit is still too little, so the new pods are killed too.
    await h.apply(limited('greedy', 'opspilot/memory-hog:1.0', '256Mi'));
    const finding = await h.findingFor('pod-oom-killed', 'greedy-', 'oom');
    const { candidate, outcome } = await fixFinding(h, finding);
    expect(candidate.revision_diff).toEqual(['containers[app].resources.limits.memory: 256Mi → 512Mi']);
    expect(outcome.status, outcome.message).toBe('FAILED');
    expect(outcome.operation?.steps).toEqual([expect.objectContaining({ status: 'rolled_back' })]);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'greedy', namespace: 'oom' });
    expect(JSON.stringify(live?.spec)).toContain('"memory":"256Mi"');
    const trail = await h.store.audit.list({ action: 'remediation.failed' });
    expect(trail.items.map((e) => e.target)).toEqual(['deployment/oom/greedy']);
  });
});
