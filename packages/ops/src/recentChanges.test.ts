import { planRequest } from '@opspilot/ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsHarness } from './__fixtures__/opsHarness.js';

type Harness = Awaited<ReturnType<typeof opsHarness>>;
let h: Harness;

beforeAll(async () => {
  h = await opsHarness({
    planner: (gateway) => (text, ctx) => planRequest(text, { gateway, namespace: ctx.namespace }),
  });
}, 120_000);
afterAll(() => h?.stop());

async function ask(request: string) {
  const proposed = await h.ops.propose(request, { user: 'alice' });
  if (proposed.kind !== 'operation') throw new Error(`not an operation: ${JSON.stringify(proposed).slice(0, 300)}`);
  let op = proposed.operation;
  if (op.state === 'NEEDS_REVIEW') {
    await h.ops.approve(op.id, { user: 'bob', confirmations: op.confirmations });
    op = await h.whileRunning(h.ops.apply(op.id, { user: 'bob' }));
  }
  return op;
}

describe('"what changed in the last hour": the audit log, rollouts and events', { timeout: 120_000 }, () => {
  it('lists the change made through opspilot (audit), the rollout it caused and the events, newest first', async () => {
    const change = await ask('set the image of frontend to todo/frontend:1.1');
    expect(change.state).toBe('APPLIED');
    const read = await ask('what changed in the last hour');
    expect(read.risk).toBe('read');
    expect(read.plan.steps.map((s) => s.op)).toEqual(['changes']);
    const text = read.result ?? '';
    expect(text).toMatch(
      /^Changes in the last 1 h in every namespace \(\d+ audit, \d+ rollout, \d+ event\), newest first:/,
    );
    expect(text).toMatch(/^TIME\s+SOURCE\s+OBJECT\s+CHANGE$/m);
    // The audit entries of the image change: who asked, who approved, what was applied.
    expect(text).toMatch(/\baudit\s+.*\b(by alice|by bob)\b/);
    expect(text).toMatch(/\brollout\s+Deployment\/todo\/frontend\s+new ReplicaSet frontend-\S+.*todo\/frontend:1\.1/);
    expect(text).toMatch(/\bevent\s+\S+/);
    const times = [...text.matchAll(/^(\d{4}-\d\d-\d\dT\S+)\s/gm)].map((m) => m[1]!);
    expect(times.length).toBeGreaterThan(2);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('keeps to the window and the namespace asked for', async () => {
    const read = await ask('what changed in the last 5 minutes in kube-system');
    expect(read.plan.steps[0]).toMatchObject({ op: 'changes', namespace: 'kube-system', sinceSeconds: 300 });
    expect(read.result ?? '').not.toMatch(/todo\/frontend/);
  });
});
