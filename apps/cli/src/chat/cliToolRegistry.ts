import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  BUILTIN_TOOLS,
  connectMcpClient,
  createToolRegistry,
  McpServerConfig,
  mountMcpTools,
  type ToolRegistry,
} from '@opspilot/chat';
import type { Store } from '@opspilot/store';

/** The CLI's tool registry and the connections it holds open. */
export interface CliToolRegistry {
  registry: ToolRegistry;
  /** Names of the external MCP servers mounted (those that answered). */
  mounted: string[];
  close(): Promise<void>;
}

/**
 * The tools of `opspilot chat` and `opspilot mcp`: opspilot's built-in tools and the allowed tools of the
 * organisation's enabled external MCP servers (stdio command or HTTP URL), as the server mounts them — read from
 * the store (`chat.addMcpServer` on the server, or `opspilot chat servers add`), prefixed `<server>__`, their results
 * labelled untrusted and their calls recorded like ours. A server that does not answer is left out, said on `err`.
 */
export async function cliToolRegistry(store: Store, err: (text: string) => void): Promise<CliToolRegistry> {
  const registry = createToolRegistry(BUILTIN_TOOLS);
  const clients: Client[] = [];
  const mounted: string[] = [];
  const stored = await store.mcpServers.list({}, { page_size: 100 });
  for (const server of stored.items.filter((s) => s.enabled)) {
    try {
      const config = McpServerConfig.parse(server);
      const client = await connectMcpClient(config);
      clients.push(client);
      registry.register(...(await mountMcpTools(client, config)));
      mounted.push(config.name);
    } catch (error) {
      err(`MCP server ${server.name} not mounted: ${(error as Error).message}`);
    }
  }
  return {
    registry,
    mounted,
    close: async () => {
      for (const client of clients) await client.close().catch(() => undefined);
    },
  };
}
