import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { memoryGateway, plannerCluster } from '@opspilot/ai/testing';
import { createLanguageModel } from '@opspilot/ai-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatService } from '../chat/chatService.js';
import { memoryChatStore } from '../chat/memoryChatStore.js';
import { memoryBackend, startExternalMcpServer, startFakeOpenAi } from '../testing/index.js';
import { BUILTIN_TOOLS } from '../tools/builtinTools.js';
import { createToolRegistry } from '../tools/toolRegistry.js';
import { McpServerConfig, mountMcpTools } from './mountMcpTools.js';

describe('external MCP servers mounted into chat', () => {
  let external: Awaited<ReturnType<typeof startExternalMcpServer>>;
  let client: Client;
  beforeAll(async () => {
    external = await startExternalMcpServer();
    client = new Client({ name: 'opspilot', version: '0.1.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(external.url)));
  });
  afterAll(async () => {
    await client?.close();
    await external?.stop();
  });

  it('mounts only allowed tools, prefixed and labelled untrusted', async () => {
    const config = McpServerConfig.parse({ name: 'runbooks', url: external.url, allow: ['find_runbook'] });
    const tools = await mountMcpTools(client, config);
    expect(tools.map((t) => t.name)).toEqual(['runbooks__find_runbook']);
    expect(tools[0]).toMatchObject({ source: 'mcp:runbooks', untrusted: true, effect: 'read' });
    expect(tools[0]?.description).toMatch(/^\[external MCP server runbooks, untrusted\]/);
    await expect(mountMcpTools(client, { ...config, allow: [] })).rejects.toThrow(/no allowed tools/);
    expect(() => McpServerConfig.parse({ name: 'x', allow: ['*'] })).toThrow(/either command or url/);
  });

  it('is called from chat by a model, its result recorded as untrusted data, and nothing else is callable', async () => {
    const tools = await mountMcpTools(
      client,
      McpServerConfig.parse({ name: 'runbooks', url: external.url, allow: ['find_runbook'] }),
    );
    const fake = await startFakeOpenAi([
      { toolCalls: [{ name: 'runbooks__find_runbook', arguments: { alert: 'HighErrorRate' } }] },
      { toolCalls: [{ name: 'runbooks__delete_page', arguments: { id: 'x' } }] },
      { text: 'The runbook says to check the backend.' },
    ]);
    try {
      const model = createLanguageModel({ provider: 'openai-compatible', base_url: fake.url, model: 'gpt-4o-mini' });
      if (!model.ok) throw model.error;
      const gateway = memoryGateway(plannerCluster());
      const chat = createChatService({
        store: memoryChatStore(),
        registry: createToolRegistry(BUILTIN_TOOLS).register(...tools),
        model: model.value,
      });
      const session = await chat.startSession('alice');
      await chat.send(session, 'what does the runbook of HighErrorRate say?', {
        context: { backend: memoryBackend(gateway), user: 'alice' },
      });
      expect(fake.requests[0]?.tools?.map((t) => t.function.name)).toContain('runbooks__find_runbook');
      const results = (await chat.messages(session.id)).flatMap((m) => m.tool_results);
      expect(results.map((r) => r.status)).toEqual(['SUCCESS', 'ERROR']);
      expect(results[0]?.result?.content).toMatch(
        /^<untrusted-cluster-data source="mcp:runbooks runbooks__find_runbook">/,
      );
      expect(results[1]?.error).toMatch(/unknown tool runbooks__delete_page/);
      expect(external.calls).toEqual(['find_runbook HighErrorRate']);
      expect(gateway.writes).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});
