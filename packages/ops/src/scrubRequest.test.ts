import { planRequest } from '@opspilot/ai';
import type { Operation } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsHarness } from './__fixtures__/opsHarness.js';

// A value typed into a request ends up in the cluster, where it was asked for, and in no stored row: not in
// operations, AI commands or the audit trail, in clear or base64, whichever phrasing carried it.
const b64 = (text: string) => Buffer.from(text).toString('base64');
const PASSWORD = 'Tr0ub4dor-planted';
const SECOND = 'c0rrect-h0rse-planted';
const TOKEN = 'ghp_PlantedTokenInTheRequest0123456789ab';

describe('request text is scrubbed before it is stored (store on sqlite)', () => {
  let h: Awaited<ReturnType<typeof opsHarness>>;
  beforeAll(async () => {
    h = await opsHarness({
      dialect: 'sqlite',
      planner: (gateway) => async (text, ctx) => {
        // A planner that understood a read and kept the whole request, as the agent loop does.
        if (!text.startsWith('describe backend')) return planRequest(text, { gateway, ...ctx });
        const outcome = await planRequest('describe deployment backend in todo', { gateway, ...ctx });
        return outcome.kind === 'plan' ? { ...outcome, plan: { ...outcome.plan, request: text } } : outcome;
      },
    });
  });
  afterAll(() => h?.stop());

  /** Every row of every table of the store, as text. */
  const everything = async () => {
    const tables = await h.store.db.introspection.getTables();
    const rows = await Promise.all(
      tables.map((t) =>
        (h.store.db as unknown as typeof h.store.db)
          .selectFrom(t.name as 'operations')
          .selectAll()
          .execute(),
      ),
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['operations', 'ai_commands', 'audit_log']));
    return JSON.stringify(rows);
  };
  const expectNowhere = async (...values: string[]) => {
    const stored = await everything();
    for (const value of values) {
      expect(stored).not.toContain(value);
      expect(stored).not.toContain(b64(value));
    }
  };
  const propose = async (request: string): Promise<Operation> => {
    const proposed = await h.ops.propose(request, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error(`expected an operation: ${JSON.stringify(proposed)}`);
    return proposed.operation;
  };
  const secretData = async (name: string) =>
    ((await h.gateway.get({ kind: 'Secret', name, namespace: 'todo' })) as { data?: Record<string, string> })?.data;

  it('"with password VALUE" sets the value in the Secret and stores it nowhere', async () => {
    const op = await propose(`create a secret db-creds with password ${PASSWORD} in todo`);
    expect(op.request).toBe('create a secret db-creds with password <redacted> in todo');
    await expectNowhere(PASSWORD);
    await h.ops.approve(op.id, { user: 'bob' });
    const applied = await h.whileRunning(h.ops.apply(op.id, { user: 'bob' }));
    expect(applied.state).toBe('APPLIED');
    expect(await secretData('db-creds')).toEqual({ password: b64(PASSWORD) });
    await expectNowhere(PASSWORD);
    const trail = await h.store.audit.list({ target: 'secret/todo/db-creds' });
    expect(trail.items.map((e) => e.input_prompt)).toContain(
      'create a secret db-creds with password <redacted> in todo',
    );
  });

  it('"with username U and password P" sets both keys; the password is stored nowhere', async () => {
    const op = await propose(`create a secret db-login with username app and password ${SECOND} in todo`);
    await h.ops.approve(op.id, { user: 'bob' });
    expect((await h.whileRunning(h.ops.apply(op.id, { user: 'bob' }))).state).toBe('APPLIED');
    expect(await secretData('db-login')).toEqual({ username: b64('app'), password: b64(SECOND) });
    await expectNowhere(SECOND);
  });

  it('scrubs a secret from the request even when the plan does not carry it', async () => {
    const op = await propose(`describe backend, and here is my token ${TOKEN} and pw=${SECOND}`);
    expect(op.state).toBe('APPLIED');
    expect(op.request).toBe('describe backend, and here is my token <redacted> and pw=<redacted>');
    await expectNowhere(TOKEN, SECOND);
  });

  it('refuses a Secret whose values it cannot read, storing nothing', async () => {
    const before = await everything();
    // Refused either as bad input or as a request it cannot plan; never planned, and the value never echoed back.
    const refused = await h.ops
      .propose('create a secret api-creds holding s3cr3t-planted in todo', { user: 'alice' })
      .catch((error: unknown) => error);
    if (refused instanceof Error) expect(refused.name).toBe('InputError');
    else expect(refused).toMatchObject({ kind: 'unsupported' });
    expect(JSON.stringify(refused instanceof Error ? refused.message : refused)).not.toContain('s3cr3t-planted');
    expect(await everything()).toBe(before);
    expect(await h.gateway.get({ kind: 'Secret', name: 'api-creds', namespace: 'todo' })).toBeUndefined();
  });
});
