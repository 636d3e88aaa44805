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
  it('raises the limit of a container killed at 128Mi past the 900Mi the kernel reported it needed, and the pods recover', async () => {
    await h.apply(namespace('oom'), limited('hog', 'opspilot/memory-hog:1.0', '128Mi'));
    const finding = await h.findingFor('pod-oom-killed', 'hog-', 'oom');
    const { candidate, proposed, outcome } = await fixFinding(h, finding);
    expect(candidate.remediation).toBe('oom:raise-memory-limit');
    expect(candidate.revision_diff).toEqual(['containers[app].resources.limits.memory: 128Mi → 1Gi']);
    expect(candidate.evidence.map((e) => e.detail).join('\n')).toMatch(
      /killed process had 900Mi mapped\n.*killed needing 900Mi \(the kernel's OOM report\) \+ 10% headroom/,
    );
    expect(proposed.operation.diff).toMatch(/-\s+memory: 128Mi\n\+\s+memory: 1Gi/);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });

  it('leaves the workload as it was when the raised limit is still too low for the rollout to finish', async () => {
    // stress maps 900M; the kernel's report of a command's kill says no more than the limit, so the limit is doubled
    // — still too little, and the new pods are killed too.
    await h.apply(
      deployment(
        'oom',
        'greedy',
        {
          image: 'polinux/stress:1.0.4',
          command: ['stress'],
          args: ['--vm', '1', '--vm-bytes', '900M', '--vm-hang', '1'],
          resources: { limits: { memory: '256Mi' } },
        },
        {},
        1,
      ),
    );
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
