import { planRequest } from '@opspilot/ai';
import { type Operation, REDACTED_VALUE } from '@opspilot/core';
import { DIALECTS } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsHarness } from './__fixtures__/opsHarness.js';

// A Secret's values travel with its plan from the request to the cluster, and nowhere else: everything the lifecycle
// returns, audits or records shows them as <redacted>, the stored row holds them only sealed, and applying the
// approved operation — read back from the database — still sets the real value.
const b64 = (text: string) => Buffer.from(text).toString('base64');
const VALUES = ['changeme', 'n3wpass', b64('changeme'), b64('n3wpass')];
const expectNoValue = (what: unknown) => {
  const text = typeof what === 'string' ? what : JSON.stringify(what);
  for (const value of VALUES) expect(text).not.toContain(value);
};

describe.each(DIALECTS)('Secret values in operations (store on %s)', (dialect) => {
  let h: Awaited<ReturnType<typeof opsHarness>>;
  beforeAll(async () => {
    h = await opsHarness({ dialect, planner: (gateway) => (text, ctx) => planRequest(text, { gateway, ...ctx }) });
  });
  afterAll(() => h?.stop());

  const secret = async () =>
    (await h.gateway.get({ kind: 'Secret', name: 'db-creds', namespace: 'todo' })) as
      | { data?: Record<string, string> }
      | undefined;
  const storedRow = (id: string) =>
    h.store.db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const propose = async (request: string): Promise<Operation> => {
    const proposed = await h.ops.propose(request, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error(`expected an operation: ${JSON.stringify(proposed)}`);
    return proposed.operation;
  };
  const approveAndApply = async (op: Operation) => {
    expectNoValue(await h.ops.approve(op.id, { user: 'bob' }));
    expectNoValue(await storedRow(op.id));
    return h.whileRunning(h.ops.apply(op.id, { user: 'bob' }));
  };

  it('creates a Secret: shown redacted everywhere, stored sealed, applied with the real value', async () => {
    const op = await propose('create a secret db-creds with password=changeme in todo');
    expectNoValue(op);
    expect(op.state).toBe('NEEDS_REVIEW');
    expect(op.plan.steps[0]).toMatchObject({ object: { kind: 'Secret', stringData: { password: REDACTED_VALUE } } });
    expect(op.plan.rendered.bash).toContain(`password: ${REDACTED_VALUE}`);
    expect(op.plan.rendered.powershell).toContain(`password: ${REDACTED_VALUE}`);
    expect(op.request).toBe(`create a secret db-creds with password=${REDACTED_VALUE} in todo`);
    expect(op.diff).toMatch(/\+\s+password: <redacted>/);
    expectNoValue(await h.ops.get(op.id));
    expectNoValue(await h.ops.list({ proposed_by: 'alice' }));
    expectNoValue(await h.store.aiCommands.get(op.ai_command_id!));

    const applied = await approveAndApply(op);
    expect(applied.state).toBe('APPLIED');
    expectNoValue(applied);
    expect((await secret())?.data?.password).toBe(b64('changeme'));
    expectNoValue(await storedRow(op.id));
    const trail = await h.store.audit.list({ target: 'secret/todo/db-creds' });
    expect(trail.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['operation.proposed', 'operation.approved', 'operation.applied']),
    );
    expectNoValue(trail);
  });

  it('changes an existing Secret: the diff says which key changes without showing either value', async () => {
    const op = await propose('create a secret db-creds with password=n3wpass in todo');
    expectNoValue(op);
    expect(op.diff).toMatch(/-\s+password: <redacted> \(before\)\n\+\s+password: <redacted> \(after\)/);
    const applied = await approveAndApply(op);
    expect(applied.state).toBe('APPLIED');
    expect((await secret())?.data?.password).toBe(b64('n3wpass'));
    expectNoValue(await h.store.audit.list({ target: 'secret/todo/db-creds' }));
  });

  it('answers a read of the Secret with its keys and no values', async () => {
    const read = await propose('get secret db-creds in todo');
    expect(read.state).toBe('APPLIED');
    expect(read.result).toContain(`password: ${REDACTED_VALUE}`);
    expectNoValue(read);
    expectNoValue(await storedRow(read.id));
  });
});
