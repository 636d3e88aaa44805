import type { PlanOutcome } from '@opspilot/core';
import { createOperations } from '@opspilot/ops';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, namespace, remediateHarness } from './__fixtures__/remediateHarness.js';
import { fixPlanner } from './fixPlanner.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
let plan: ReturnType<typeof fixPlanner>;
const fallback: PlanOutcome = {
  kind: 'unsupported',
  message: 'fallback',
  understood: '',
  suggestions: [],
  notices: [],
};
beforeAll(async () => {
  h = await remediateHarness();
  plan = fixPlanner(async () => fallback, { gateway: h.gateway, now: () => h.clock.now() });
  await h.apply(
    namespace('shop'),
    deployment(
      'shop',
      'cache',
      { image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } },
      {},
      1,
    ),
    deployment('shop', 'api', {}),
  );
  await h.advance(20_000);
  await h.gateway.patch(
    { kind: 'Deployment', name: 'api', namespace: 'shop' },
    {
      spec: {
        template: { spec: { containers: [{ name: 'app', command: ['python3', '-c', 'import sys; sys.exit(1)'] }] } },
      },
    },
  );
  await h.findingFor('pod-oom-killed', 'cache-', 'shop');
  await h.findingFor('pod-crash-loop', 'api-', 'shop');
});
afterAll(() => h?.stop());

describe('fixPlanner: "fix it" in plain English', () => {
  it('answers "fix the oom pod" with the OOM remediation, its evidence and exact difference', async () => {
    const outcome = await plan('fix the oom pod', {});
    if (outcome.kind !== 'plan') throw new Error(JSON.stringify(outcome));
    expect(outcome.plan.planner).toBe('remediate:oom:raise-memory-limit');
    expect(outcome.plan.summary).toMatch(/raise the memory limit of app in deployment cache from 512Mi to 1Gi/);
    expect(outcome.plan.assumptions).toContain('changes containers[app].resources.limits.memory: 512Mi → 1Gi');
    expect(outcome.plan.rendered.bash).toMatch(/kubectl/);
    // The reviewer reads which fix was chosen, its risk and the other ways out.
    expect(outcome.plan.assumptions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^chosen oom:raise-memory-limit \(confidence \d+%\)$/),
        expect.stringMatching(/^risk: restarts the pods of cache/),
        expect.stringMatching(/^alternative: find why the container uses more memory/),
      ]),
    );
  });

  it('says which precondition failed when no remediation applies to the finding asked about', async () => {
    await h.apply(
      namespace('fresh'),
      deployment('fresh', 'new', { command: ['python3', '-c', 'import sys; sys.exit(1)'] }, {}, 1),
    );
    await h.findingFor('pod-crash-loop', 'new-', 'fresh');
    const outcome = await plan('why is new crashing? fix it', { namespace: 'fresh' });
    if (outcome.kind !== 'unsupported') throw new Error(JSON.stringify(outcome));
    expect(outcome.message).toMatch(/^found pod-crash-loop:pod\/fresh\/new-\S+ but no safe fix: /);
    expect(outcome.message).toMatch(/deployment:restore-last-working-revision: .*has no earlier revision/);
  });

  it('answers "why is api crashing and fix it" by rolling api back to its working revision', async () => {
    const outcome = await plan('why is api crashing and fix it', { namespace: 'shop' });
    if (outcome.kind !== 'plan') throw new Error(JSON.stringify(outcome));
    expect(outcome.plan.steps).toEqual([expect.objectContaining({ op: 'rolloutUndo', toRevision: 1 })]);
  });

  it('reads "the cache is not working, repair it" and "fix the error in deployment api" as the object named', async () => {
    const cache = await plan('the cache is not working, repair it', {});
    if (cache.kind !== 'plan') throw new Error(JSON.stringify(cache));
    expect(cache.plan.planner).toBe('remediate:oom:raise-memory-limit');
    const api = await plan('fix the error in deployment api', {});
    if (api.kind !== 'plan') throw new Error(JSON.stringify(api));
    expect(api.plan.summary).toMatch(/^roll deployment api back from revision 2 to revision 1/);
  });

  it('asks which object when the request fits several, and leaves other requests to the planner', async () => {
    const outcome = await plan('repair whatever is broken in shop', {});
    expect(outcome.kind).toBe('question');
    expect(await plan('scale api to 3 replicas', {})).toBe(fallback);
  });

  it('ask "fix …": applied through the lifecycle, settled on the clock, and rolled back when it does not hold', async () => {
    // Ready at once, then unready from 30 s on: the revision the fix returns to looks healthy only at first.
    const flaky = {
      image: 'busybox:1.36',
      ports: [],
      command: ['sh', '-c', 'touch /tmp/ready; sleep 30; rm -f /tmp/ready; sleep infinity'],
      readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5, failureThreshold: 1 },
    };
    await h.apply(namespace('settle'), deployment('settle', 'job', flaky, {}, 1));
    await h.advance(10_000);
    await h.gateway.patch(
      { kind: 'Deployment', name: 'job', namespace: 'settle' },
      {
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'app', command: ['python3', '-c', 'import sys; sys.exit(1)'], readinessProbe: null },
              ],
            },
          },
        },
      },
    );
    await h.findingFor('pod-crash-loop', 'job-', 'settle');
    const ask = async (request: string, namespace: string, settleMs: number) => {
      const ops = createOperations({ ...h.deps, planner: plan });
      const proposed = await ops.propose(request, { user: 'alice', namespace });
      if (proposed.kind !== 'operation') throw new Error(JSON.stringify(proposed));
      await ops.approve(proposed.operation.id, { user: 'alice', allowSelfApproval: true });
      const applied = await h.whileRunning(ops.apply(proposed.operation.id, { user: 'alice' }));
      expect(applied.state).toBe('APPLIED');
      const fix = plan.fixOf(applied.plan);
      if (!fix) throw new Error('the planner forgot the fix behind its plan');
      return h.whileRunning(h.remediator.settle(applied, fix, { user: 'alice', recovery: { settleMs } }));
    };
    const failed = await ask('why is job crashing and fix it', 'settle', 120_000);
    expect(failed.status).toBe('ROLLED_BACK');
    expect(failed.message).toMatch(/^verification failed \(.*\); rolled back \(roll back to revision 2\)$/);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'job', namespace: 'settle' });
    expect(JSON.stringify(live?.spec)).toContain('sys.exit(1)');
    const trail = await h.store.audit.list({ action: 'remediation.rolled_back', target: 'deployment/settle/job' });
    expect(trail.items[0]?.details).toMatchObject({ rollback: { via: 'lifecycle', ok: true } });
    const verified = await ask('fix the oom pod', 'shop', 30_000);
    expect(verified.status, verified.message).toBe('VERIFIED');
    expect(verified.message).toMatch(/no restarts for 30s$/);
  });
});
