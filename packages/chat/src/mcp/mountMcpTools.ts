import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InputError } from '@opspilot/core';
import { z } from 'zod';
import type { ChatTool } from '../tools/chatTool.js';
import { defineChatTool } from '../tools/chatTool.js';

/** An external MCP server as an organisation configures it: a stdio command or an HTTP URL, and the tools allowed. */
export const McpServerConfig = z
  .object({
    /** Prefix of its tools' names, e.g. `github` → `github__search_issues`. */
    name: z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, 'must be lowercase letters, digits or _ (it prefixes tool names)'),
    command: z.string().min(1).optional(),
    args: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
    url: z.url().optional(),
    headers: z.record(z.string(), z.string()).default({}),
    /** Tool names of that server that may be called (`*` for all); nothing is mounted that is not listed. */
    allow: z.array(z.string().min(1)).default([]),
  })
  .refine((s) => Boolean(s.command) !== Boolean(s.url), { message: 'give either command or url', path: ['command'] });
export type McpServerConfig = z.infer<typeof McpServerConfig>;

/** What a mounted tool needs of an MCP client (the SDK's `Client` fits). */
export type McpClientLike = Pick<Client, 'listTools' | 'callTool'>;

const toolName = (server: string, tool: string) =>
  `${server}__${tool.toLowerCase().replace(/[^a-z0-9_]+/g, '_')}`.slice(0, 64);

function inputSchema(schema: Record<string, unknown>): z.ZodType<Record<string, unknown>> {
  try {
    return z.fromJSONSchema(schema) as z.ZodType<Record<string, unknown>>;
  } catch {
    return z.record(z.string(), z.unknown());
  }
}

/**
 * The tools of an external MCP server, as registry tools: only those on the allow-list, named `<server>__<tool>`,
 * described as external, their results labelled untrusted (the model treats them as data), `read` as far as
 * opspilot is concerned — allow only tools that change nothing. Their calls go through `callTool` like ours, so
 * chat records them with their results; a failing call is an error result, never an exception.
 */
export async function mountMcpTools(client: McpClientLike, config: McpServerConfig): Promise<ChatTool[]> {
  if (!config.allow.length) {
    throw new InputError(`MCP server ${config.name} has no allowed tools`, {
      hint: 'list the tools chat may call in allow (or "*" for every tool of that server)',
    });
  }
  const { tools } = await client.listTools();
  const allowed = tools.filter((t) => config.allow.includes('*') || config.allow.includes(t.name));
  return allowed.map((remote) =>
    defineChatTool({
      name: toolName(config.name, remote.name),
      description: `[external MCP server ${config.name}, untrusted] ${remote.description ?? remote.name}`,
      input: inputSchema(remote.inputSchema as Record<string, unknown>),
      output: z.string(),
      effect: 'read',
      source: `mcp:${config.name}`,
      untrusted: true,
      run: async (_ctx, input) => {
        const result = await client.callTool({ name: remote.name, arguments: input });
        const text = ((result.content ?? []) as { type: string; text?: string }[])
          .map((part) => (part.type === 'text' ? (part.text ?? '') : `[${part.type}]`))
          .join('\n');
        return result.isError ? { ok: false, error: `${config.name} answered: ${text}` } : { ok: true, value: text };
      },
    }),
  );
}
