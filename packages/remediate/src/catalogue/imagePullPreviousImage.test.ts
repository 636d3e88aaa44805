import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

describe('image-pull:previous-image on the simulated cluster', () => {
  it('sets a tag that does not exist back to the image the last working revision runs, after approval', async () => {
    await h.apply(namespace('pull'), deployment('pull', 'web', { image: 'nginx:1.27' }));
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'web', namespace: 'pull' },
      {
        spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:9.9.9' }] } } },
      },
    );
    const finding = await h.findingFor('pod-image-pull', 'web-', 'pull');
    const proposal = await h.remediator.diagnose(finding);
    const best = proposal.candidates[0]!;
    expect(best).toMatchObject({ remediation: 'image-pull:previous-image', effect: 'write' });
    expect(best.summary).toMatch(/from nginx:9\.9\.9 to nginx:1\.27/);
    expect(best.evidence.map((e) => e.detail).join('\n')).toMatch(
      /revision 1 ran nginx:1\.27 \(\d pod\(s\) ready now\)/,
    );
    const proposed = await h.remediator.propose(best, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error(`abandoned: ${proposed.reasons}`);
    expect(proposed.operation).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'write' });
    expect(proposed.operation.diff).toMatch(/-\s+image: nginx:9\.9\.9\n\+\s+image: nginx:1\.27/);
    const outcome = await h.whileRunning(
      h.remediator.execute(proposed.operation.id, best, { user: 'alice', approver: 'bob' }),
    );
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    expect(outcome.operation?.approved_by).toBe('bob');
    const live = await h.gateway.get({ kind: 'Deployment', name: 'web', namespace: 'pull' });
    expect(JSON.stringify(live?.spec)).toContain('"image":"nginx:1.27"');
    const trail = await h.store.audit.list({ target: 'deployment/pull/web' });
    expect(trail.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['operation.proposed', 'operation.approved', 'operation.applied', 'remediation.verified']),
    );
  });

  it('proposes nothing for a pod whose registry refuses the credentials', async () => {
    const finding = {
      id: 'pod-image-pull:pod/x/y:app',
      analyzer: 'pod-image-pull',
      severity: 'CRITICAL' as const,
      resource: { kind: 'Pod', name: 'y', namespace: 'x' },
      message: 'Container app cannot pull image "ghcr.io/a/b:1" (ErrImagePull)',
      evidence: [{ kind: 'event' as const, source: 'event/x/y', detail: '401 Unauthorized' }],
      sensitive: [],
    };
    const proposal = await h.remediator.diagnose(finding, { only: 'image-pull:previous-image' });
    expect(proposal.candidates).toEqual([]);
    expect(proposal.declined[0]).toMatch(/image pull secret is needed/);
  });
});
