import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { memoryGateway, plannerCluster } from '@opspilot/ai/testing';
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../testing/index.js';
import { BUILTIN_TOOLS } from '../tools/builtinTools.js';
import type { ToolInvocation } from '../tools/callTool.js';
import { createToolRegistry } from '../tools/toolRegistry.js';
import { createMcpServer } from './createMcpServer.js';

async function connect(readOnly = false) {
  const gateway = memoryGateway(plannerCluster());
  const backend = memoryBackend(gateway);
  const calls: ToolInvocation[] = [];
  const server = createMcpServer({
    registry: createToolRegistry(BUILTIN_TOOLS),
    context: { backend, user: 'alice' },
    readOnly,
    onCall: (invocation) => {
      calls.push(invocation);
    },
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(clientSide);
  return { client, backend, gateway, calls };
}

const text = (result: Awaited<ReturnType<Client['callTool']>>) =>
  (result.content as { type: string; text: string }[]).map((c) => c.text).join('');

describe('the MCP server', () => {
  it('lists the registry with JSON Schemas and read-only hints', async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    const list = tools.find((t) => t.name === 'list_objects');
    expect(list?.inputSchema).toMatchObject({ type: 'object', required: ['kind'] });
    expect(list?.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((t) => t.name === 'propose_operation')?.annotations?.readOnlyHint).toBe(false);
  });

  it('calls a tool, and answers bad arguments with isError and the reason', async () => {
    const { client, calls } = await connect();
    const ok = await client.callTool({ name: 'list_objects', arguments: { kind: 'Deployment', namespace: 'todo' } });
    expect(ok.isError).toBe(false);
    expect(text(ok)).toContain('<untrusted-cluster-data');
    expect(text(ok)).toContain('frontend');
    const bad = await client.callTool({ name: 'list_objects', arguments: { kind: '' } });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/invalid input for list_objects: kind/);
    expect(calls.map((c) => c.status)).toEqual(['SUCCESS', 'ERROR']);
  });

  it('in read-only mode hides and refuses propose_operation', async () => {
    const { client, backend } = await connect(true);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).not.toContain('propose_operation');
    const refused = await client.callTool({
      name: 'propose_operation',
      arguments: { request: 'delete namespace shop' },
    });
    expect(refused.isError).toBe(true);
    expect(backend.proposals).toEqual([]);
  });

  it('proposes an operation that waits for approval, never applying it', async () => {
    const { client, backend, gateway } = await connect();
    const result = await client.callTool({
      name: 'propose_operation',
      arguments: { request: 'scale backend in todo to 3' },
    });
    expect(text(result)).toContain('NEEDS_REVIEW');
    expect(backend.proposals).toHaveLength(1);
    expect(gateway.writes).toEqual([]);
  });

  it('offers clusters and findings as resources, and prompts', async () => {
    const { client } = await connect();
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['opspilot://clusters', 'opspilot://clusters/sim/findings']);
    const clusters = await client.readResource({ uri: 'opspilot://clusters' });
    expect(JSON.parse(String((clusters.contents[0] as { text?: string })?.text))).toEqual([
      expect.objectContaining({ name: 'sim' }),
    ]);
    const findings = await client.readResource({ uri: 'opspilot://clusters/sim/findings' });
    expect(String((findings.contents[0] as { text?: string })?.text)).toContain('"summary"');
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toContain('diagnose');
    const prompt = await client.getPrompt({ name: 'diagnose', arguments: { namespace: 'shop' } });
    expect(JSON.stringify(prompt.messages)).toContain('namespace shop');
  });
});
