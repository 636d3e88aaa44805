import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from './__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from './__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

const CRASH = ['python3', '-c', 'import sys; sys.exit(1)'];
// Ready at once, then unready from 30 s on: its readiness probe reads a file the command removes.
const FLAKY = {
  image: 'busybox:1.36',
  ports: [],
  command: ['sh', '-c', 'touch /tmp/ready; sleep 30; rm -f /tmp/ready; sleep infinity'],
  readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5, failureThreshold: 1 },
};

describe('createRemediator', () => {
  it('rolls a fix back when the workload, healthy at first, fails within the settle window', async () => {
    await h.apply(namespace('flaky'), deployment('flaky', 'job', FLAKY, {}, 1));
    await h.advance(10_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'job', namespace: 'flaky' },
      { spec: { template: { spec: { containers: [{ name: 'app', command: CRASH, readinessProbe: null }] } } } },
    );
    const finding = await h.findingFor('pod-crash-loop', 'job-', 'flaky');
    h.deps.recovery = { timeoutMs: 180_000, settleMs: 120_000, pollMs: 2000 };
    const { candidate, outcome } = await fixFinding(h, finding, 'deployment:restore-last-working-revision');
    h.deps.recovery = { timeoutMs: 180_000, settleMs: 30_000, pollMs: 2000 };
    expect(candidate.steps).toEqual([expect.objectContaining({ op: 'rolloutUndo', toRevision: 1 })]);
    expect(outcome.status, outcome.message).toBe('ROLLED_BACK');
    expect(outcome.message).toMatch(/verification failed \(healthy, then not: /);
    // Taken back by the lifecycle's apply journal: the revision the Deployment was at before the fix.
    expect(outcome.rollback).toEqual({
      ok: true,
      via: 'lifecycle',
      steps: [expect.objectContaining({ description: 'roll back to revision 2', ok: true })],
    });
    const live = await h.gateway.get({ kind: 'Deployment', name: 'job', namespace: 'flaky' });
    expect(JSON.stringify(live?.spec)).toContain('sys.exit(1)');
    const trail = await h.store.audit.list({ action: 'remediation.rolled_back' });
    expect(trail.items.map((e) => e.target)).toEqual(['deployment/flaky/job']);
  });

  it('abandons a fix whose object changed after it was planned, and audits it, never forcing it', async () => {
    await h.apply(namespace('moved'), deployment('moved', 'web', {}));
    await h.advance(10_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'web', namespace: 'moved' },
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:0.0.404' }] } } } },
    );
    const finding = await h.findingFor('pod-image-pull', 'web-', 'moved');
    const { candidates } = await h.remediator.diagnose(finding);
    const proposed = await h.remediator.propose(candidates[0]!, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error('expected an operation');
    await h.gateway.patch(
      { kind: 'Deployment', name: 'web', namespace: 'moved' },
      { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } } } },
    );
    const outcome = await h.remediator.execute(proposed.operation.id, candidates[0]!, {
      user: 'alice',
      approver: 'bob',
    });
    expect(outcome.status).toBe('ABANDONED');
    expect(outcome.message).toMatch(/Deployment moved\/web changed since the plan: generation 2 → 3/);
    expect(outcome.operation?.state).toBe('REJECTED');
    const trail = await h.store.audit.list({ action: 'remediation.abandoned' });
    expect(trail.items.map((e) => e.target)).toEqual(['deployment/moved/web']);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'web', namespace: 'moved' });
    expect(JSON.stringify(live?.spec)).toContain('nginx:1.26');
  });
});
