import { randomUUID } from 'node:crypto';
import { ConflictError, InputError, NotFoundError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

describe.each(DIALECTS)('incidents on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('creates an incident with the seed defaults and records actions on it', async () => {
    const incident = await store.incidents.create({ title: 'backend down', severity: 'CRITICAL' });
    expect(incident).toMatchObject({ status: 'DETECTED', description: '', affected_resources: [] });
    expect(incident.detected_at).toBe(incident.created_at);
    const action = await store.incidents.addAction(incident.id, { action_type: 'restart', actor: 'opspilot' });
    expect(action).toMatchObject({ incident_id: incident.id, status: 'PENDING', result: {} });
    expect(await store.incidents.actions.get(action.id)).toEqual(action);
    const page = await store.incidents.listActions(incident.id);
    expect(page.items).toEqual([action]);
    await expect(
      store.incidents.addAction(randomUUID(), { action_type: 'restart', actor: 'opspilot' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('acknowledges and resolves once each, recording who did it', async () => {
    const incident = await store.incidents.create({ title: 'latency', severity: 'HIGH' });
    const acked = await store.incidents.acknowledge(incident.id, 'alice');
    expect(acked).toMatchObject({ status: 'INVESTIGATING', acknowledged_by: 'alice' });
    await expect(store.incidents.acknowledge(incident.id, 'bob')).rejects.toMatchObject({
      name: 'ConflictError',
      hint: expect.stringContaining('alice'),
    });
    const resolved = await store.incidents.resolve(incident.id, { actor: 'alice', root_cause: 'slow disk' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', root_cause: 'slow disk' });
    expect(resolved.resolved_at).toBeDefined();
    expect(await store.incidents.get(incident.id)).toEqual(resolved);
    await expect(store.incidents.resolve(incident.id, { actor: 'bob' })).rejects.toBeInstanceOf(ConflictError);
    const actions = await store.incidents.listActions(incident.id);
    expect(actions.items.map((a) => a.action_type).sort()).toEqual(['acknowledge', 'resolve']);
    await expect(store.incidents.acknowledge(incident.id, '')).rejects.toBeInstanceOf(InputError);
  });

  it('refuses a RESOLVED incident without resolved_at and deletes actions with their incident', async () => {
    const incident = await store.incidents.create({ title: 'disk full', severity: 'LOW' });
    await expect(store.incidents.update(incident.id, { status: 'RESOLVED' })).rejects.toBeInstanceOf(InputError);
    const action = await store.incidents.addAction(incident.id, { action_type: 'cleanup', actor: 'bob' });
    await store.incidents.delete(incident.id);
    expect(await store.incidents.actions.find(action.id)).toBeUndefined();
  });

  it('serialises concurrent acknowledgements: exactly one wins', async () => {
    const incident = await store.incidents.create({ title: 'race', severity: 'MEDIUM' });
    const results = await Promise.allSettled(
      ['alice', 'bob', 'carol', 'dave'].map((who) => store.incidents.acknowledge(incident.id, who)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => r.reason instanceof ConflictError)).toBe(true);
    expect((await store.incidents.listActions(incident.id)).total).toBe(1);
  });
});
