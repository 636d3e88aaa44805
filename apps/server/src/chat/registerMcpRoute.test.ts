import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

const text = (result: Record<string, unknown>) => (result.content as { text: string }[]).map((c) => c.text).join('');

describe('the MCP server at /mcp (Streamable HTTP)', () => {
  let t: TestApi;
  let sim: SimCluster;
  let url: URL;
  let clusterId: string;
  const clients: Client[] = [];

  async function connect(token?: string, query = '') {
    const transport = new StreamableHTTPClientTransport(new URL(`${url.href}${query}`), {
      requestInit: { headers: token ? { authorization: `Bearer ${token}` } : {} },
    });
    const client = new Client({ name: 'opspilot-test', version: '1.0.0' });
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'demo', clock: t.clock });
    clusterId = (
      await t.rest('POST', '/clusters', t.users.admin.token, {
        name: 'sim',
        api_server_url: sim.url,
        kubeconfig: sim.kubeconfig,
      })
    ).json().id;
    await t.rest('POST', `/users/${t.users.operator.user.id}/clusters/${clusterId}`, t.users.admin.token, {});
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = new URL(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/mcp`);
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await t?.close();
    await sim?.stop();
  });

  it('refuses a client without a token', async () => {
    await expect(connect()).rejects.toThrow(/401|Bearer/);
    await expect(connect('ops_not-a-real-token')).rejects.toThrow(/401|Bearer/);
  });

  it('lists and calls tools with a token, seeing only the clusters granted', async () => {
    const operator = await connect(t.users.operator.token);
    const { tools } = await operator.listTools();
    expect(tools.map((x) => x.name)).toEqual(expect.arrayContaining(['list_objects', 'analyze', 'propose_operation']));
    const clusters = await operator.callTool({ name: 'list_clusters', arguments: {} });
    expect(text(clusters)).toContain('"sim"');
    const pods = await operator.callTool({
      name: 'list_objects',
      arguments: { kind: 'Deployment', namespace: 'todo' },
    });
    expect(pods.isError).toBe(false);
    expect(text(pods)).toContain('backend');
    // The security and cost tools are served too (read tools, redacted and bounded like the others).
    expect(tools.map((x) => x.name)).toEqual(
      expect.arrayContaining(['security_findings', 'security_posture', 'cost_allocation', 'cost_recommendations']),
    );
    const posture = await operator.callTool({ name: 'security_posture', arguments: {} });
    expect(posture.isError).toBe(false);
    expect(text(posture)).toContain('no security scan of this cluster yet');
    const allocation = await operator.callTool({ name: 'cost_allocation', arguments: { since_hours: 1 } });
    expect(allocation.isError, text(allocation)).toBe(false);
    expect(text(allocation)).toContain('"currency"');

    const viewer = await connect(t.users.viewer.token);
    const none = await viewer.callTool({ name: 'list_objects', arguments: { kind: 'Deployment' } });
    expect(none.isError).toBe(true);
    expect(text(none)).toContain('no cluster is in scope');
  });

  it('gives VIEWERs and ?read_only=true read tools only', async () => {
    const viewer = await connect(t.users.viewer.token);
    expect((await viewer.listTools()).tools.map((x) => x.name)).not.toContain('propose_operation');
    const readOnly = await connect(t.users.operator.token, '?read_only=true');
    const refused = await readOnly.callTool({
      name: 'propose_operation',
      arguments: { request: 'scale backend to 5' },
    });
    expect(refused.isError).toBe(true);
  });

  it('proposes an operation that waits for approval, and audits the call', async () => {
    const operator = await connect(t.users.operator.token);
    const result = await operator.callTool({
      name: 'propose_operation',
      arguments: { request: 'scale deployment backend to 4 replicas', namespace: 'todo' },
    });
    expect(result.isError).toBe(false);
    expect(text(result)).toContain('NEEDS_REVIEW');
    const operations = await t.store.operations.list({ cluster_id: clusterId });
    expect(operations.items.map((o) => o.state)).toEqual(['NEEDS_REVIEW']);
    const backend = await (await t.services.gateways.get(clusterId)).get({
      kind: 'Deployment',
      name: 'backend',
      namespace: 'todo',
    });
    expect((backend?.spec as { replicas?: number } | undefined)?.replicas).not.toBe(4);
    const audit = await t.store.audit.list({ action: 'mcp.tool_call' } as never, { page_size: 50 });
    expect(
      audit.items.some((e) => e.target === 'tool:propose_operation' && e.user_id === t.users.operator.user.id),
    ).toBe(true);
  });
});
