import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

const fix = async (finding: Parameters<typeof h.remediator.diagnose>[0]) => {
  const proposal = await h.remediator.diagnose(finding, { only: 'deployment:restore-last-working-revision' });
  const candidate = proposal.candidates[0];
  if (!candidate) throw new Error(proposal.declined.join('; '));
  const proposed = await h.remediator.propose(candidate, { user: 'alice' });
  if (proposed.kind !== 'operation') throw new Error(proposed.reasons.join('; '));
  const outcome = await h.whileRunning(
    h.remediator.execute(proposed.operation.id, candidate, { user: 'alice', approver: 'bob' }),
  );
  return { candidate, proposed, outcome };
};

describe('deployment:restore-last-working-revision on the simulated cluster', () => {
  it('shows the bad command of a rollout that crash-loops and rolls back to the revision that worked', async () => {
    await h.apply(namespace('crash'), deployment('crash', 'api', {}));
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'api', namespace: 'crash' },
      {
        spec: {
          template: { spec: { containers: [{ name: 'app', command: ['python3', '-c', 'import sys; sys.exit(1)'] }] } },
        },
      },
    );
    const finding = await h.findingFor('pod-crash-loop', 'api-', 'crash');
    const { candidate, outcome } = await fix(finding);
    expect(candidate.revision_diff).toEqual([
      'containers[app].command: ["python3","-c","import sys; sys.exit(1)"] → (unset)',
    ]);
    expect(candidate.steps).toEqual([expect.objectContaining({ op: 'rolloutUndo', toRevision: 1 })]);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    const live = await h.gateway.get({ kind: 'Deployment', name: 'api', namespace: 'crash' });
    expect(JSON.stringify(live?.spec)).not.toContain('python3');
  });

  it('restores a ConfigMap key a rollout renamed to one that does not exist', async () => {
    await h.apply(namespace('keys'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'keys' },
      data: { mode: 'fast' },
    } as never);
    const env = (key: string) => [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key } } }];
    await h.apply(deployment('keys', 'worker', { env: env('mode') }));
    await h.advance(20_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'worker', namespace: 'keys' },
      {
        spec: { template: { spec: { containers: [{ name: 'app', env: env('modes') }] } } },
      },
    );
    const finding = await h.findingFor('pod-container-config', 'worker-', 'keys');
    const { candidate, outcome } = await fix(finding);
    expect(candidate.revision_diff.join('\n')).toMatch(/containers\[app\]\.env: .*"key":"modes".* → .*"key":"mode"/);
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });

  it('declines a Deployment that never had a working revision', async () => {
    await h.apply(
      namespace('fresh'),
      deployment('fresh', 'new', { command: ['python3', '-c', 'import sys; sys.exit(1)'] }),
    );
    const finding = await h.findingFor('pod-crash-loop', 'new-', 'fresh');
    const proposal = await h.remediator.diagnose(finding, { only: 'deployment:restore-last-working-revision' });
    expect(proposal.candidates).toEqual([]);
    expect(proposal.declined).toEqual([expect.stringMatching(/has no earlier revision/)]);
  });
});
