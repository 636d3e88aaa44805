import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startExternalMcpServer, startFakeOpenAi } from '@opspilot/chat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.js';

describe('external MCP servers configured by the organisation', () => {
  let t: TestApi;
  let external: Awaited<ReturnType<typeof startExternalMcpServer>>;
  let fake: Awaited<ReturnType<typeof startFakeOpenAi>>;
  beforeAll(async () => {
    external = await startExternalMcpServer();
    fake = await startFakeOpenAi([
      { toolCalls: [{ name: 'runbooks__find_runbook', arguments: { alert: 'DiskFull' } }] },
      { text: 'The runbook says to grow the volume.' },
    ]);
    t = await startTestApi({
      config: { llm: { provider: 'openai-compatible', base_url: fake.url, model: 'gpt-4o-mini' } },
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.stop();
    await external?.stop();
  });

  it('are managed by administrators only, with secrets masked, and audited', async () => {
    const body = {
      name: 'runbooks',
      url: external.url,
      headers: { authorization: 'Bearer very-secret' },
      allow: ['find_runbook'],
    };
    expect((await t.rest('POST', '/chat/mcp-servers', t.users.operator.token, body)).statusCode).toBe(403);
    const added = await t.rest('POST', '/chat/mcp-servers', t.users.admin.token, body);
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({
      name: 'runbooks',
      headers: { authorization: '***' },
      allow: ['find_runbook'],
    });
    expect((await t.rest('POST', '/chat/mcp-servers', t.users.admin.token, body)).statusCode).toBe(409);
    const listed = (await t.rest('GET', '/chat/mcp-servers', t.users.admin.token)).json().items;
    expect(JSON.stringify(listed)).not.toContain('very-secret');
    const audit = await t.store.audit.list({ action: 'chat.mcp_server_add' } as never, { page_size: 5 });
    expect(audit.items).toHaveLength(1);
  });

  it('mounts the allowed tools into chat, where a model calls them', async () => {
    const session = (await t.rest('POST', '/chat/sessions', t.users.operator.token, {})).json();
    const sent = await t.rest('POST', `/chat/sessions/${session.id}/messages`, t.users.operator.token, {
      text: 'what does the DiskFull runbook say?',
    });
    expect(sent.json().answer).toBe('The runbook says to grow the volume.');
    const result = sent.json().messages.flatMap((m: { tool_results: unknown[] }) => m.tool_results)[0];
    expect(result).toMatchObject({ status: 'SUCCESS' });
    expect(result.result.content).toMatch(/^<untrusted-cluster-data source="mcp:runbooks runbooks__find_runbook">/);
    expect(external.calls).toEqual(['find_runbook DiskFull']);
    expect(fake.requests[0]?.tools?.map((x) => x.function.name)).not.toContain('runbooks__delete_page');
  });

  it('offers them to MCP clients of /mcp too, and drops them when removed', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = new URL(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/mcp`);
    const names = async () => {
      const client = new Client({ name: 'test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(url, {
          requestInit: { headers: { authorization: `Bearer ${t.users.admin.token}` } },
        }),
      );
      const tools = (await client.listTools()).tools.map((x) => x.name);
      await client.close();
      return tools;
    };
    expect(await names()).toContain('runbooks__find_runbook');
    const id = (await t.rest('GET', '/chat/mcp-servers', t.users.admin.token)).json().items[0].id;
    expect((await t.rest('DELETE', `/chat/mcp-servers/${id}`, t.users.admin.token)).statusCode).toBe(200);
    expect(await names()).not.toContain('runbooks__find_runbook');
  });
});
