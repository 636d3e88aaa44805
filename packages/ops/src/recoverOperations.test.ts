import { ConflictError, type OperationStore } from '@opspilot/core';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { opsHarness, planOf } from './__fixtures__/opsHarness.js';

const frontend = { kind: 'Deployment', name: 'frontend', namespace: 'todo' };
const backend = { kind: 'Deployment', name: 'backend', namespace: 'todo' };
const twoScales = planOf('scale frontend and backend to 3', [
  { op: 'scale', target: frontend, replicas: 3, description: 'scale frontend to 3' },
  { op: 'scale', target: backend, replicas: 3, description: 'scale backend to 3' },
]);

let h: Awaited<ReturnType<typeof opsHarness>> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const replicasOf = async (ref: typeof frontend) =>
  ((await h!.gateway.get(ref))?.spec as { replicas: number } | undefined)?.replicas;
const approved = async () => {
  h!.plans.set('scale frontend and backend to 3', twoScales);
  const proposed = await h!.ops.propose('scale frontend and backend to 3', { user: 'alice' });
  if (proposed.kind !== 'operation') throw new Error('expected an operation');
  await h!.ops.approve(proposed.operation.id, { user: 'bob' });
  return proposed.operation.id;
};
const recoveredEntry = async (id: string) =>
  (await h!.store.audit.list({ action: 'operation.recovered' })).items.find((e) => e.details.operation_id === id);

describe('recovery of an operation whose applier stopped', () => {
  it('finds an operation left APPLYING when the store went away at the end, and marks it APPLIED once its lease expired', async () => {
    let storeGone = false;
    h = await opsHarness({
      operations: (store): OperationStore => ({
        ...store,
        update: async (op, expected, lease) => {
          if (storeGone && op.state !== 'APPLYING') throw new Error('connection terminated unexpectedly');
          return store.update(op, expected, lease);
        },
      }),
      deps: { leaseOwner: 'cli:gone', leaseMs: 30_000 },
    });
    const id = await approved();
    storeGone = true;
    await expect(h.whileRunning(h.ops.apply(id, { user: 'bob' }))).rejects.toThrowError(/connection terminated/);
    expect((await h.store.operations.get(id))?.state).toBe('APPLYING');
    await expect(h.ops.approve(id, { user: 'bob' })).rejects.toBeInstanceOf(ConflictError);

    const other = h.another({ leaseOwner: 'server:next' });
    expect(await other.recover()).toEqual([]);
    await advanceClock(h.clock, 31_000);
    const [recovered] = await other.recover();
    expect(recovered).toMatchObject({ id, state: 'APPLIED' });
    expect(recovered?.result).toMatch(/recovered at .* after its applier \(cli:gone\) stopped and its lease expired/);
    expect(await replicasOf(frontend)).toBe(3);
    expect(await replicasOf(backend)).toBe(3);
    const entry = await recoveredEntry(id);
    expect(entry).toMatchObject({ user_id: 'system', status: 'SUCCESS' });
    expect(entry?.details.found).toEqual([
      'step 1 (scale frontend to 3): applied and verified before the stop, found in effect',
      'step 2 (scale backend to 3): applied and verified before the stop, found in effect',
    ]);
    expect(entry?.details.previous_applier).toMatchObject({ owner: 'cli:gone' });
    expect(await other.recover()).toEqual([]);
    expect((await h.store.audit.verify()).ok).toBe(true);
  });

  it('stops after the current step when interrupted, rolls it back and records where it stopped', async () => {
    const stop = new AbortController();
    h = await opsHarness({
      deps: {
        progress: (event) => {
          if (event.index === 0 && event.phase === 'applied') stop.abort(new Error('interrupted: received SIGTERM'));
        },
      },
    });
    const id = await approved();
    const done = await h.whileRunning(h.ops.apply(id, { user: 'bob', signal: stop.signal }));
    expect(done.state).toBe('FAILED');
    expect(done.steps.map((s) => s.status)).toEqual(['rolled_back', 'failed']);
    expect(done.steps[1]?.message).toBe('interrupted: received SIGTERM');
    expect(await replicasOf(frontend)).toBe(2);
    expect(await replicasOf(backend)).toBe(2);
    const failed = await h.store.audit.list({ action: 'operation.failed' });
    expect(failed.items.find((e) => e.details.operation_id === id)).toBeDefined();
  });
});
