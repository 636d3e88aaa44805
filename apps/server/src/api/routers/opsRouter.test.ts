import type { Event } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the ops router: plain-English operations over the API', () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  const events: Event[] = [];
  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    await advanceClock(t.clock, 15_000);
    const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'sim-demo',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
    });
    clusterId = registered.json().id;
    for (const who of ['viewer', 'operator', 'approver'] as const)
      await t.rest('POST', `/users/${t.users[who].user.id}/clusters/${clusterId}`, t.users.admin.token, {});
    t.services.bus.subscribe({ event_types: ['PLAN_STATE_CHANGED'] }, (e) => {
      events.push(e);
    });
  });
  afterAll(async () => {
    await sim?.stop();
    await t?.close();
  });

  const ask = (token: string, request: string) => t.rest('POST', '/ops/ask', token, { request, cluster_id: clusterId });
  const replicas = () =>
    (sim.store.get(sim.api.registry.find('apps', 'v1', 'deployments')!, 'todo', 'backend').spec as { replicas: number })
      .replicas;

  it('plans, needs an approver, applies, verifies and announces every state', async () => {
    expect((await ask(t.users.viewer.token, 'scale backend to 3 replicas')).statusCode).toBe(403);
    const asked = await ask(t.users.operator.token, 'scale backend to 3 replicas');
    expect(asked.statusCode).toBe(200);
    const { operation } = asked.json();
    expect(operation).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'write', proposed_by: 'operator' });
    expect(operation.plan.rendered.powershell).toContain('--replicas=3');
    expect(operation.diff).toMatch(/\+\s+replicas: 3/);
    expect((await t.rest('POST', `/ops/${operation.id}/approve`, t.users.operator.token, {})).statusCode).toBe(403);
    expect((await t.rest('POST', `/ops/${operation.id}/apply`, t.users.operator.token, {})).statusCode).toBe(409);
    const approved = await t.rest('POST', `/ops/${operation.id}/approve`, t.users.approver.token, {});
    expect(approved.json()).toMatchObject({ state: 'APPROVED', approved_by: 'approver' });
    let settled = false;
    const applying = t.rest('POST', `/ops/${operation.id}/apply`, t.users.operator.token, {}).finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 1000);
    const applied = await applying;
    expect(applied.json()).toMatchObject({ state: 'APPLIED' });
    expect(replicas()).toBe(3);
    expect(events.filter((e) => e.payload.operation_id === operation.id).map((e) => e.payload.state)).toEqual([
      'NEEDS_REVIEW',
      'APPROVED',
      'APPLYING',
      'APPLIED',
    ]);
    const status = await t.rest('GET', `/ops/${operation.id}`, t.users.viewer.token);
    expect(status.json().state).toBe('APPLIED');
    const actions = (await t.store.audit.list({ target: 'deployment/todo/backend' })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['operation.proposed', 'operation.approved', 'operation.applied']));
  });

  it('keeps a destructive plan from being approved by its proposer, and from others without the typed name', async () => {
    const asked = await ask(t.users.approver.token, 'delete namespace todo');
    const { operation } = asked.json();
    expect(operation).toMatchObject({ risk: 'destructive', confirmations: ['todo'] });
    const self = await t.rest('POST', `/ops/${operation.id}/approve`, t.users.approver.token, {
      confirmations: ['todo'],
    });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({
      error_code: expect.any(String),
      message: expect.stringContaining('cannot approve it too'),
    });
    const untyped = await t.rest('POST', `/ops/${operation.id}/approve`, t.users.admin.token, {});
    expect(untyped.statusCode).toBe(403);
    const rejected = await t.rest('POST', `/ops/${operation.id}/reject`, t.users.admin.token, { reason: 'no' });
    expect(rejected.json().state).toBe('REJECTED');
    expect(sim.store.find(sim.api.registry.find('', 'v1', 'namespaces')!, undefined, 'todo')).toBeDefined();
  });

  it('never answers, announces or audits a Secret value, and still applies it after approval', async () => {
    const seen: Event[] = [];
    const unsubscribe = t.services.bus.subscribe({}, (e) => {
      seen.push(e);
    });
    const values = ['changeme', Buffer.from('changeme').toString('base64')];
    const expectNoValue = (what: unknown) => {
      for (const value of values) expect(JSON.stringify(what)).not.toContain(value);
    };
    const asked = await ask(t.users.operator.token, 'create a secret db-creds with password=changeme in todo');
    expect(asked.statusCode).toBe(200);
    const { operation } = asked.json();
    expect(operation.plan.steps[0].object.stringData).toEqual({ password: '<redacted>' });
    expect(operation.plan.rendered.powershell).toContain('password: <redacted>');
    expectNoValue(asked.json());
    expectNoValue((await t.rest('GET', `/ops/${operation.id}`, t.users.viewer.token)).json());
    expectNoValue((await t.rest('GET', '/ops', t.users.viewer.token)).json());
    expectNoValue((await t.rest('GET', '/ops', t.users.admin.token)).json());
    expectNoValue((await t.rest('POST', `/ops/${operation.id}/approve`, t.users.approver.token, {})).json());
    let settled = false;
    const applying = t.rest('POST', `/ops/${operation.id}/apply`, t.users.operator.token, {}).finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 1000);
    const applied = await applying;
    expect(applied.json().state).toBe('APPLIED');
    expectNoValue(applied.json());
    const secret = sim.store.get(sim.api.registry.find('', 'v1', 'secrets')!, 'todo', 'db-creds') as {
      data?: Record<string, string>;
    };
    expect(secret.data?.password).toBe(values[1]);
    expectNoValue((await t.rest('GET', '/audit?page_size=100', t.users.admin.token)).json());
    expect(seen.map((e) => e.event_type)).toEqual(expect.arrayContaining(['PLAN_STATE_CHANGED', 'AUDIT_APPENDED']));
    expectNoValue(seen);
    unsubscribe();
  });

  it('records the id of the acting user on every operation audit entry, like every other entry', async () => {
    const { operation } = (await ask(t.users.operator.token, 'scale frontend to 3 replicas')).json();
    await t.rest('POST', `/ops/${operation.id}/reject`, t.users.approver.token, { reason: 'not now' });
    const entries = (await t.store.audit.list({ target: 'deployment/todo/frontend' })).items;
    const byAction = Object.fromEntries(entries.map((e) => [e.action, e]));
    expect(byAction['operation.proposed']).toMatchObject({
      user_id: t.users.operator.user.id,
      details: { username: 'operator', operation_id: operation.id },
    });
    expect(byAction['operation.rejected']).toMatchObject({
      user_id: t.users.approver.user.id,
      details: { username: 'approver' },
    });
    // A non-administrator sees their own entries, operations included.
    const mine = (await t.rest('GET', '/audit?action=operation.proposed', t.users.operator.token)).json();
    expect(mine.items.map((e: { details: { operation_id: string } }) => e.details.operation_id)).toContain(
      operation.id,
    );
  });

  it('plans the original request for the object picked after a question, never the picked label alone', async () => {
    const asked = (await ask(t.users.operator.token, 'scale api to 2')).json();
    expect(asked).toMatchObject({ kind: 'question' });
    const picked = asked.candidates.find((c: { label: string }) => c.label === 'deployment/todo/frontend');
    const answer = async (request: string) =>
      (
        await t.rest('POST', '/ops/ask', t.users.operator.token, {
          request,
          cluster_id: clusterId,
          choices: [picked.ref],
        })
      ).json();
    const frontend = { kind: 'Deployment', name: 'frontend', namespace: 'todo' };
    expect(await answer('scale api to 2')).toMatchObject({
      kind: 'operation',
      operation: { request: 'scale frontend to 2', plan: { steps: [{ op: 'scale', replicas: 2, target: frontend }] } },
    });
    // Two names match `end`; the pick decides, and the rest of the request is kept.
    const ambiguous = (await ask(t.users.operator.token, 'restart the end deployment')).json();
    expect(ambiguous.candidates.map((c: { label: string }) => c.label)).toEqual([
      'deployment/todo/backend',
      'deployment/todo/frontend',
    ]);
    const restarted = await t.rest('POST', '/ops/ask', t.users.operator.token, {
      request: 'restart the end deployment',
      cluster_id: clusterId,
      choices: [ambiguous.candidates[0].ref],
    });
    expect(restarted.json()).toMatchObject({
      kind: 'operation',
      operation: {
        request: 'restart the backend deployment',
        plan: { steps: [{ op: 'rolloutRestart', target: { kind: 'Deployment', name: 'backend', namespace: 'todo' } }] },
      },
    });
  });

  it('answers an ambiguous request with a question, and hides other clusters operations', async () => {
    const asked = await ask(t.users.operator.token, 'scale api to 3');
    expect(asked.json().kind).toBe('question');
    const listed = await t.rest('GET', '/ops', t.users.viewer.token);
    expect(listed.json().total).toBeGreaterThanOrEqual(2);
    const { id: userId } = (await t.rest('GET', `/ops?state=APPLIED`, t.users.viewer.token)).json().items[0];
    await t.rest('DELETE', `/users/${t.users.viewer.user.id}/clusters/${clusterId}`, t.users.admin.token);
    expect((await t.rest('GET', `/ops/${userId}`, t.users.viewer.token)).statusCode).toBe(404);
    expect((await t.rest('GET', '/ops', t.users.viewer.token)).json().total).toBe(0);
  });
});
