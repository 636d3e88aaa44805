import { DIALECTS } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

describe.each(DIALECTS)('role and cluster checks on %s', (dialect) => {
  let t: TestApi;
  let east: string;
  let west: string;
  beforeAll(async () => {
    t = await startTestApi({ dialect });
    const register = async (name: string) =>
      (await t.rest('POST', '/clusters', t.users.admin.token, { name, api_server_url: 'https://10.0.0.9:6443' })).json()
        .id as string;
    east = await register('east-1');
    west = await register('west-1');
    for (const who of [t.users.viewer, t.users.operator, t.users.approver]) {
      await t.rest('POST', `/users/${who.user.id}/clusters/${east}`, t.users.admin.token, {});
    }
  });
  afterAll(async () => t?.close());

  it("hides another cluster's objects without a grant, exactly like missing ones", async () => {
    const { viewer, admin } = t.users;
    const listed = (await t.rest('GET', '/clusters', viewer.token)).json();
    expect(listed.items.map((c: { name: string }) => c.name)).toEqual(['east-1']);
    expect(listed.total).toBe(1);
    const hidden = await t.rest('GET', `/clusters/${west}`, viewer.token);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().message).toBe(`cluster ${west} not found`);
    expect((await t.rest('GET', `/clusters/${east}`, viewer.token)).statusCode).toBe(200);
    expect((await t.rest('GET', '/clusters', admin.token)).json().total).toBe(2);
    const westAudit = await t.rest('GET', `/audit?cluster_id=${west}`, viewer.token);
    expect(westAudit.json()).toMatchObject({ total: 0, items: [] });
    const eastAudit = await t.rest('GET', `/audit?cluster_id=${east}`, viewer.token);
    expect(eastAudit.json().items.map((e: { action: string }) => e.action)).toContain('cluster.register');
  });

  it('lets only administrators manage users, and records who did it', async () => {
    const created = await t.rest('POST', '/users', t.users.operator.token, {
      username: 'mallory',
      role: 'ADMIN',
      password: 'long-enough-password',
    });
    expect(created.statusCode).toBe(403);
    const ok = await t.rest('POST', '/users', t.users.admin.token, {
      username: 'trent',
      role: 'VIEWER',
      password: 'long-enough-password',
    });
    expect(ok.json()).toMatchObject({ username: 'trent', role: 'VIEWER' });
    expect(ok.body).not.toContain('password');
    const promoted = await t.rest('POST', `/users/${ok.json().id}/role`, t.users.admin.token, { role: 'OPERATOR' });
    expect(promoted.json().role).toBe('OPERATOR');
    const entries = (await t.rest('GET', '/audit?target=user:trent', t.users.admin.token)).json().items;
    expect(entries.map((e: { action: string; user_id: string }) => [e.action, e.user_id])).toEqual([
      ['user.set_role', t.users.admin.user.id],
      ['user.create', t.users.admin.user.id],
    ]);
  });

  it('refuses an operator approving their own plan, and an approver approving their own; another approver may', async () => {
    const { operator, approver } = t.users;
    const planBy = async (userId: string) => {
      const command = await t.store.aiCommands.create({
        command_type: 'OPSPILOT',
        natural_language_input: 'scale backend to 3 replicas',
        generated_output: 'kubectl scale deployment/backend --replicas=3',
        validation_status: 'NEEDS_REVIEW',
        user_id: userId,
        cluster_id: east,
      });
      const config = await t.store.generatedConfigs.create({
        ai_command_id: command.id,
        file_path: 'k8s/backend.yaml',
        content: 'kind: Deployment',
        generator_tool: 'opspilot',
        resource_type: 'Deployment',
      });
      await t.store.generatedConfigs.transition(config.id, 'VALIDATION');
      await t.store.generatedConfigs.transition(config.id, 'NEEDS_REVIEW');
      return config.id;
    };
    const operatorsPlan = await planBy(operator.user.id);
    const byOperator = await t.rest('POST', `/reviews/${operatorsPlan}`, operator.token, { decision: 'APPROVED' });
    expect(byOperator.statusCode).toBe(403);
    expect(byOperator.json().details).toMatchObject({ required_role: 'APPROVER' });
    const approversPlan = await planBy(approver.user.id);
    const own = await t.rest('POST', `/reviews/${approversPlan}`, approver.token, { decision: 'APPROVED' });
    expect(own.statusCode).toBe(403);
    expect(own.json().details).toMatchObject({ reason: 'SELF_APPROVAL' });
    const pending = (await t.rest('GET', '/reviews/pending', operator.token)).json();
    expect(pending.total).toBe(2);
    const approved = await t.rest('POST', `/reviews/${operatorsPlan}`, approver.token, { decision: 'APPROVED' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().config.state).toBe('APPROVED');
    const again = await t.rest('POST', `/reviews/${operatorsPlan}`, approver.token, { decision: 'APPROVED' });
    expect(again.statusCode).toBe(409);
    const events = (await t.rest('GET', '/events/recent?event_types=PLAN_STATE_CHANGED', operator.token)).json();
    expect(events.items[0]).toMatchObject({ cluster_id: east, payload: { from: 'NEEDS_REVIEW', to: 'APPROVED' } });
  });
});
