import { McpServerConfig } from '@opspilot/chat';
import { ConflictError } from '@opspilot/core';
import type { StoredMcpServer } from '@opspilot/store';
import { z } from 'zod';
import { remountMcpServers } from '../../chat/serverToolRegistry.js';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor } from '../trpc.js';

/** An MCP server as the API shows it: header and environment values masked (they often hold tokens). */
const McpServerView = z.object({
  id: z.string(),
  name: z.string(),
  command: z.string().optional(),
  args: z.array(z.string()),
  env: z.record(z.string(), z.string()),
  url: z.string().optional(),
  headers: z.record(z.string(), z.string()),
  allow: z.array(z.string()),
  enabled: z.boolean(),
  created_by: z.string(),
  created_at: z.string(),
});

const masked = (values: Record<string, string>) => Object.fromEntries(Object.keys(values).map((k) => [k, '***']));
const view = (s: StoredMcpServer) => ({ ...s, env: masked(s.env), headers: masked(s.headers) });

const route = (method: 'GET' | 'POST' | 'DELETE', path: string, summary: string) => ({
  openapi: { method, path: `/chat/mcp-servers${path}` as `/${string}`, tags: ['chat'], protect: true, summary },
});

/**
 * The organisation's external MCP servers whose allowed tools chat may call (ADMIN): list, add (a stdio command or
 * an HTTP URL, and the tool names allowed), remove. Changes are audited and take effect on the next chat turn.
 */
export const chatMcpServersProcedures = {
  mcpServers: procedureFor('ADMIN')
    .meta(route('GET', '', 'List external MCP servers'))
    .input(z.object({}))
    .output(z.object({ items: z.array(McpServerView) }))
    .query(async ({ ctx }) => ({
      items: (await ctx.services.store.mcpServers.list({}, { page_size: 100 })).items.map(view),
    })),

  addMcpServer: procedureFor('ADMIN')
    .meta(route('POST', '', 'Add an external MCP server'))
    .input(McpServerConfig)
    .output(McpServerView)
    .mutation(async ({ ctx, input }) => {
      const taken = (await ctx.services.store.mcpServers.list({ name: input.name } as never, { page_size: 1 })).items;
      if (taken.length)
        throw new ConflictError(`an MCP server named ${input.name} exists`, { hint: 'choose another name' });
      const created = await ctx.services.store.mcpServers.create({ ...input, created_by: ctx.principal.user.username });
      await audit(ctx, {
        action: 'chat.mcp_server_add',
        target: `mcp:${created.name}`,
        details: { url: created.url, command: created.command, allow: created.allow },
      });
      await remountMcpServers(ctx.services);
      return view(created);
    }),

  removeMcpServer: procedureFor('ADMIN')
    .meta(route('DELETE', '/{id}', 'Remove an external MCP server'))
    .input(IdInput)
    .output(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const found = await ctx.services.store.mcpServers.get(input.id);
      await ctx.services.store.mcpServers.delete(input.id);
      await audit(ctx, { action: 'chat.mcp_server_remove', target: `mcp:${found.name}`, details: {} });
      await remountMcpServers(ctx.services);
      return { id: input.id };
    }),
};
