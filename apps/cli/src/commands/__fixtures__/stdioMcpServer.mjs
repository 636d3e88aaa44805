// An external MCP server on stdio for tests: one tool, `echo`, that answers its text back.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'echoer', version: '1.0.0' });
server.registerTool('echo', { description: 'Echo a text', inputSchema: { text: z.string() } }, async ({ text }) => ({
  content: [{ type: 'text', text: `echo: ${text}` }],
}));
await server.connect(new StdioServerTransport());
