import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, type Operation, REDACTED_VALUE } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './openStore.js';
import { createOperationRepository } from './operationRepository.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

const operation = (over: Partial<Operation> = {}): Operation => ({
  id: randomUUID(),
  request: 'scale backend to 3 replicas',
  plan: {
    request: 'scale backend to 3 replicas',
    summary: 'Scale deployment todo/backend from 2 to 3 replicas',
    steps: [
      {
        op: 'scale',
        target: { kind: 'Deployment', name: 'backend', namespace: 'todo' },
        replicas: 3,
        fromReplicas: 2,
        description: 'scale deployment todo/backend to 3 replicas',
      },
    ],
    risk: 'write',
    riskReasons: ['changes deployment todo/backend'],
    assumptions: [],
    rendered: { bash: 'kubectl scale deployment/backend -n todo --replicas=3', powershell: 'kubectl scale ...' },
    planner: 'offline',
  },
  risk: 'write',
  risk_reasons: ['changes deployment todo/backend'],
  confirmations: [],
  diff: '-  replicas: 2\n+  replicas: 3\n',
  state: 'NEEDS_REVIEW',
  proposed_by: 'alice',
  problems: [],
  steps: [],
  result: '',
  details: {},
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
  ...over,
});

/** An operation creating a Secret: the value is in the request, the step and (base64) the diff. */
const secretOperation = (): Operation => {
  const base = operation();
  return {
    ...base,
    request: 'create a secret db-creds with password=changeme in todo',
    plan: {
      ...base.plan,
      request: 'create a secret db-creds with password=changeme in todo',
      summary: 'Create Secret db-creds in namespace todo',
      steps: [
        {
          op: 'apply',
          mode: 'create',
          object: {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'db-creds', namespace: 'todo' },
            type: 'Opaque',
            stringData: { password: 'changeme' },
          },
          description: 'Create Secret db-creds in namespace todo',
        },
      ],
    },
    details: { planner_risk: 'write' },
  };
};

describe.each(DIALECTS)('operations on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('stores an operation with its plan and reads it back unchanged', async () => {
    const op = await store.operations.create(operation());
    expect(await store.operations.get(op.id)).toEqual(op);
    expect(await store.operations.get(randomUUID())).toBeUndefined();
  });

  it('moves along the lifecycle only from the expected state', async () => {
    const op = await store.operations.create(operation());
    const approved = await store.operations.update({ ...op, state: 'APPROVED', approved_by: 'bob' }, 'NEEDS_REVIEW');
    expect((await store.operations.get(op.id))?.approved_by).toBe('bob');
    await expect(store.operations.update({ ...approved, state: 'APPLIED' }, 'APPROVED')).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(store.operations.update({ ...approved, state: 'REJECTED' }, 'NEEDS_REVIEW')).rejects.toThrowError(
      /is APPROVED, not NEEDS_REVIEW/,
    );
    expect((await store.operations.get(op.id))?.state).toBe('APPROVED');
  });

  it('refuses to stay in a state (reject twice, approve twice) except while applying', async () => {
    const op = await store.operations.create(operation());
    const rejected = await store.operations.update({ ...op, state: 'REJECTED', result: 'no' }, 'NEEDS_REVIEW');
    await expect(store.operations.update({ ...rejected, result: 'overwritten' }, 'REJECTED')).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await store.operations.get(op.id))?.result).toBe('no');
    const other = await store.operations.create(operation());
    const approved = await store.operations.update({ ...other, state: 'APPROVED', approved_by: 'bob' }, 'NEEDS_REVIEW');
    await expect(store.operations.update({ ...approved, approved_by: 'carol' }, 'APPROVED')).rejects.toThrowError(
      /cannot move from APPROVED to APPROVED/,
    );
    const applying = await store.operations.update({ ...approved, state: 'APPLYING' }, 'APPROVED');
    const progress = await store.operations.update({ ...applying, details: { step: 1 } }, 'APPLYING');
    expect(progress.details).toEqual({ step: 1 });
  });

  it('leases an APPLYING operation to one owner until it expires, and drops the lease when it leaves APPLYING', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, s)).toISOString();
    const op = await store.operations.create(operation());
    const approved = await store.operations.update({ ...op, state: 'APPROVED', approved_by: 'bob' }, 'NEEDS_REVIEW');
    expect(await store.operations.acquireLease(op.id, { owner: 'a', expires_at: at(30) }, at(0))).toBe(false);
    const applying = await store.operations.update({ ...approved, state: 'APPLYING' }, 'APPROVED', {
      owner: 'a',
      expires_at: at(30),
    });
    const expired = (now: string) => store.operations.listExpiredLeases(now).then((l) => l.map((o) => o.id));
    expect(await expired(at(29))).not.toContain(op.id);
    expect(await store.operations.acquireLease(op.id, { owner: 'b', expires_at: at(60) }, at(29))).toBe(false);
    expect(await store.operations.acquireLease(op.id, { owner: 'a', expires_at: at(50) }, at(29))).toBe(true);
    expect(await expired(at(45))).not.toContain(op.id);
    expect(await expired(at(50))).toContain(op.id);
    const racing = await Promise.all(
      ['b', 'c'].map((owner) => store.operations.acquireLease(op.id, { owner, expires_at: at(90) }, at(51))),
    );
    expect(racing.filter(Boolean)).toHaveLength(1);
    await store.operations.update({ ...applying, state: 'FAILED' }, 'APPLYING');
    expect(await expired(at(999))).not.toContain(op.id);
    expect(await store.operations.acquireLease(op.id, { owner: 'b', expires_at: at(999) }, at(998))).toBe(false);
    const rows = await store.db.selectFrom('operation_leases').selectAll().where('operation_id', '=', op.id).execute();
    expect(rows).toEqual([]);
  });

  it('lets exactly one of an approval and a rejection racing each other win', async () => {
    const op = await store.operations.create(operation());
    const results = await Promise.allSettled([
      store.operations.update({ ...op, state: 'APPROVED', approved_by: 'bob' }, 'NEEDS_REVIEW'),
      store.operations.update({ ...op, state: 'REJECTED' }, 'NEEDS_REVIEW'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')[0]).toMatchObject({ reason: expect.any(ConflictError) });
  });

  it('lists newest first, filtered by state and proposer', async () => {
    const older = await store.operations.create(
      operation({ proposed_by: 'carol', created_at: '2026-01-01T00:00:00.000Z' }),
    );
    const newer = await store.operations.create(
      operation({ proposed_by: 'carol', created_at: '2026-01-02T00:00:00.000Z' }),
    );
    const page = await store.operations.list({ proposed_by: 'carol' });
    expect(page.items.map((o) => o.id)).toEqual([newer.id, older.id]);
    expect((await store.operations.list({ proposed_by: 'carol', state: 'APPLIED' })).total).toBe(0);
  });

  it('stores a plan carrying Secret values sealed, never in clear, and reads it back whole', async () => {
    const op = await store.operations.create(secretOperation());
    const approved = await store.operations.update({ ...op, state: 'APPROVED', approved_by: 'bob' }, 'NEEDS_REVIEW');
    const row = await store.db.selectFrom('operations').selectAll().where('id', '=', op.id).executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('changeme');
    expect(stored).not.toContain(Buffer.from('changeme').toString('base64'));
    expect(stored).toContain(REDACTED_VALUE);
    expect(await store.operations.get(op.id)).toEqual(approved);
    const listed = await store.operations.list({ state: 'APPROVED' });
    expect(listed.items.find((o) => o.id === op.id)).toEqual(approved);
    expect(approved.plan.steps[0]).toMatchObject({ object: { stringData: { password: 'changeme' } } });
    expect(approved.details).toEqual({ planner_risk: 'write' });
    expect(approved.request).toBe(`create a secret db-creds with password=${REDACTED_VALUE} in todo`);
  });

  it('without an encryption key refuses to store or read a plan carrying Secret values, as for kubeconfigs', async () => {
    const keyless = createOperationRepository(store.db, dialect, undefined);
    const refused = await keyless.create(secretOperation()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect(refused).toMatchObject({ hint: expect.stringContaining('secrets.encryption_key') });
    const sealed = await store.operations.create(secretOperation());
    await expect(keyless.get(sealed.id)).rejects.toThrowError(/no encryption key is configured/);
    const plain = await keyless.create(operation());
    expect(await keyless.get(plain.id)).toEqual(plain);
  });
});
