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
});
