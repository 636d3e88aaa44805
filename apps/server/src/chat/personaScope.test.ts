import { callTool } from '@opspilot/chat';
import { startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../testing/index.js';
import { chatToolContext } from './chatContext.js';
import { serverToolRegistry } from './serverToolRegistry.js';

describe("a persona's default cluster scope", () => {
  let t: Awaited<ReturnType<typeof startTestApi>>;
  let sim: Awaited<ReturnType<typeof startSimCluster>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    for (const name of ['first', 'second']) {
      const r = await t.rest('POST', '/clusters', t.users.admin.token, {
        name,
        api_server_url: sim.url,
        kubeconfig: sim.kubeconfig,
      });
      expect(r.statusCode, r.body).toBe(200);
      ids[name] = r.json().id;
      await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${ids[name]}`, t.users.admin.token, {});
    }
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });

  const start = async (body: Record<string, unknown>) => {
    const r = await t.rest('POST', '/chat/sessions', t.users.viewer.token, body);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const clustersSeenBy = async (session: Parameters<typeof chatToolContext>[2]) => {
    const principal = await t.services.auth.authenticateToken(t.users.viewer.token);
    if (!principal) throw new Error('the viewer token does not authenticate');
    const result = await callTool(
      await serverToolRegistry(t.services),
      { id: 'c1', name: 'list_clusters', arguments: {} },
      chatToolContext(t.services, principal, session),
    );
    return (result.data as { name: string }[]).map((c) => c.name).sort();
  };

  it('starts an SRE session on the default cluster alone, and its tools see only that one', async () => {
    const session = await start({ persona_id: 'sre-oncall' });
    expect(session.cluster_context).toHaveLength(1);
    const [only] = session.cluster_context;
    expect(Object.values(ids)).toContain(only);
    const name = Object.keys(ids).find((k) => ids[k] === only);
    expect(await clustersSeenBy(session)).toEqual([name]);
  });

  it('starts a security session over every cluster the user may see', async () => {
    const session = await start({ persona_id: 'security-analyst' });
    expect(session.cluster_context).toEqual([]);
    expect(await clustersSeenBy(session)).toEqual(['first', 'second']);
  });

  it('keeps the clusters the user chose, whatever the persona', async () => {
    const session = await start({ persona_id: 'sre-oncall', cluster_ids: [ids.second] });
    expect(session.cluster_context).toEqual([ids.second]);
    expect(await clustersSeenBy(session)).toEqual(['second']);
  });

  it("starts sessions with a custom persona's own stored scope, and follows a change of it", async () => {
    const admin = (method: string, path: string, body: Record<string, unknown>) =>
      t.rest(method, path, t.users.admin.token, body);
    const created = await admin('POST', '/chat/personas', {
      id: 'fleet-watch',
      name: 'Fleet watch',
      system_prompt: 'You watch every cluster of the fleet.',
      capabilities: ['list_clusters'],
      tone: 'terse',
      scope: 'all-clusters',
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ tone: 'terse', scope: 'all-clusters', is_builtin: false });
    const listed = (await t.rest('GET', '/chat/personas', t.users.viewer.token)).json().items;
    expect(listed.find((p: { id: string }) => p.id === 'fleet-watch')).toMatchObject({ scope: 'all-clusters' });

    const wide = await start({ persona_id: 'fleet-watch' });
    expect(wide.cluster_context).toEqual([]);
    expect(await clustersSeenBy(wide)).toEqual(['first', 'second']);

    const changed = await admin('PATCH', '/chat/personas/fleet-watch', { scope: 'session' });
    expect(changed.statusCode, changed.body).toBe(200);
    // Only the scope changed: the tone and tools stay.
    expect(changed.json()).toMatchObject({ scope: 'session', tone: 'terse', capabilities: ['list_clusters'] });
    const narrow = await start({ persona_id: 'fleet-watch' });
    expect(narrow.cluster_context).toHaveLength(1);
    expect(await clustersSeenBy(narrow)).toHaveLength(1);

    expect((await admin('PATCH', '/chat/personas/sre-oncall', { scope: 'all-clusters' })).statusCode).toBe(409);
    expect((await admin('PATCH', '/chat/personas/fleet-watch', {})).statusCode).toBe(400);
    expect((await admin('PATCH', '/chat/personas/fleet-watch', { scope: 'everywhere' })).statusCode).toBe(400);
    expect((await admin('PATCH', '/chat/personas/nobody-here', { tone: 'x' })).statusCode).toBe(404);
    const viewer = await t.rest('PATCH', '/chat/personas/fleet-watch', t.users.viewer.token, {
      scope: 'all-clusters',
    });
    expect(viewer.statusCode).toBe(403);
  });
});
