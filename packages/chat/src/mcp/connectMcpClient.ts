import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UpstreamError } from '@opspilot/core';
import type { McpServerConfig } from './mountMcpTools.js';

/** Connects to an external MCP server: starts its command (stdio) or reaches its URL (Streamable HTTP). */
export async function connectMcpClient(config: McpServerConfig): Promise<Client> {
  const client = new Client({ name: 'opspilot', version: '0.1.0' });
  const transport = config.url
    ? new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers: config.headers } })
    : new StdioClientTransport({
        command: config.command as string,
        args: config.args,
        env: { PATH: process.env.PATH ?? '', ...config.env },
        stderr: 'ignore',
      });
  try {
    await client.connect(transport);
    return client;
  } catch (error) {
    throw new UpstreamError(`MCP server ${config.name} is unreachable: ${(error as Error).message}`, {
      source: `mcp:${config.name}`,
      retryable: true,
      cause: error,
      hint: config.url
        ? `check ${config.url} and its headers`
        : `check that \`${config.command}\` starts an MCP server on stdio`,
    });
  }
}
