/**
 * Benchmark of the tool registry behind chat and MCP: tool calls over an in-memory cluster of 2,000 pods (argument
 * validation, the read, redaction, the size bound and the untrusted wrapper), the same through opspilot's MCP server
 * with the official SDK client (in-memory transport: the protocol's own cost), and an offline chat turn. Goal: a
 * tool call's own cost well under the model's latency — ≤ 5 ms per call, ≤ 10 ms per MCP round trip. Prints wall and
 * CPU time per operation and the load average.
 *
 *   npx tsx bench/chatTools.ts [calls=500]
 */
import { loadavg } from 'node:os';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { memoryGateway, plannerCluster, pod } from '@opspilot/ai/testing';
import {
  BUILTIN_TOOLS,
  callTool,
  createChatService,
  createMcpServer,
  createToolRegistry,
  memoryChatStore,
} from '@opspilot/chat';
import { memoryBackend } from '@opspilot/chat/testing';
import type { KubeObject } from '@opspilot/core';

const calls = Number(process.argv[2] ?? 500);
const pods: KubeObject[] = [];
for (let i = 0; i < 2_000; i++) pods.push(pod(`web-${i}`, 'shop', 'web', 'Running', 'shop/web:1.0'));
const gateway = memoryGateway([...plannerCluster(), ...pods]);
const backend = memoryBackend(gateway);
const registry = createToolRegistry(BUILTIN_TOOLS);
const ctx = { backend, user: 'bench' };

async function measure(label: string, runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(0);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fn(i);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(
    `${label.padEnd(52)} ${runs} runs  wall ${(wall / runs).toFixed(2)} ms/op  cpu ${(cpuMs / runs).toFixed(2)} ms/op`,
  );
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await measure('callTool list_objects Pod (2,000, limit 100)', calls, () =>
  callTool(registry, { id: 'c', name: 'list_objects', arguments: { kind: 'Pod', namespace: 'shop' } }, ctx),
);
await measure('callTool get_object (redacted, wrapped)', calls, () =>
  callTool(
    registry,
    { id: 'c', name: 'get_object', arguments: { kind: 'Deployment', name: 'backend', namespace: 'todo' } },
    ctx,
  ),
);
await measure('callTool invalid arguments (validation error)', calls, () =>
  callTool(registry, { id: 'c', name: 'list_objects', arguments: { kind: 7 } }, ctx),
);

const server = createMcpServer({ registry, context: ctx });
const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
await server.connect(serverSide);
const client = new Client({ name: 'bench', version: '1.0.0' });
await client.connect(clientSide);
await measure('MCP tools/list (15 tools, JSON Schemas)', Math.ceil(calls / 5), () => client.listTools());
await measure('MCP tools/call get_object', calls, () =>
  client.callTool({ name: 'get_object', arguments: { kind: 'Deployment', name: 'backend', namespace: 'todo' } }),
);
await client.close();

const chat = createChatService({ store: memoryChatStore(), registry });
await measure('offline chat turn (analyze the shop namespace)', Math.ceil(calls / 50), async () => {
  const session = await chat.startSession('bench');
  return chat.send(session, 'what is wrong in namespace shop?', { context: ctx });
});
