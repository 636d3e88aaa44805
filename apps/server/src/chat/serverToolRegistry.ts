import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  BUILTIN_TOOLS,
  type ChatTool,
  connectMcpClient,
  createToolRegistry,
  McpServerConfig,
  mountMcpTools,
  type ToolRegistry,
} from '@opspilot/chat';
import type { ApiServices } from '../api/apiServices.js';

interface Mounted {
  registry: Promise<ToolRegistry>;
  clients: Client[];
}

const mounted = new WeakMap<ApiServices, Mounted>();

async function mountAll(services: ApiServices, clients: Client[]): Promise<ToolRegistry> {
  const registry = createToolRegistry(BUILTIN_TOOLS);
  const stored = await services.store.mcpServers.list({}, { page_size: 100 });
  for (const server of stored.items.filter((s) => s.enabled)) {
    let tools: ChatTool[] = [];
    try {
      const client = await connectMcpClient(McpServerConfig.parse(server));
      clients.push(client);
      tools = await mountMcpTools(client, McpServerConfig.parse(server));
    } catch (error) {
      // One unreachable server must not take chat down: its tools are simply missing, and the log says why.
      services.logger.warn({ err: error, mcp_server: server.name }, 'mounting an MCP server failed');
    }
    registry.register(...tools);
  }
  return registry;
}

/**
 * The server's tool registry: opspilot's built-in tools and the allowed tools of the organisation's enabled external
 * MCP servers (`chat.mcpServers`), connected on first use and kept until the list changes. Other modules' tool lists
 * (security, cost) are registered here beside the built-ins.
 */
export function serverToolRegistry(services: ApiServices): Promise<ToolRegistry> {
  let current = mounted.get(services);
  if (!current) {
    const clients: Client[] = [];
    current = { registry: mountAll(services, clients), clients };
    mounted.set(services, current);
  }
  return current.registry;
}

/** Forgets the mounted servers (after one was added or removed), closing their connections. */
export async function remountMcpServers(services: ApiServices): Promise<void> {
  const current = mounted.get(services);
  mounted.delete(services);
  for (const client of current?.clients ?? []) await client.close().catch(() => undefined);
}
