import { defineTool, type Tool, type ToolEffect, type ToolOutcome } from '@opspilot/core';
import type { z } from 'zod';
import type { ToolContext } from './toolContext.js';

/**
 * A tool of the registry: a core {@link Tool} with its output schema, where it comes from and whether what it
 * returns is data from outside opspilot's control (cluster objects, logs, an external MCP server), which the model
 * is told to treat as data, never as instructions.
 */
export interface ChatTool<I = unknown, O = unknown> extends Tool<I, O, ToolContext> {
  /** What a successful call returns (documentation for MCP clients; tests hold tools to it). */
  output: z.ZodType<O>;
  /** `opspilot`, or `mcp:<server>` for a tool mounted from an external MCP server. */
  source: string;
  /** Whether results are wrapped as untrusted data before the model sees them. */
  untrusted: boolean;
}

/** What {@link defineChatTool} takes: a tool whose `source` and `untrusted` default to opspilot's own and true. */
export interface ChatToolDefinition<I, O> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  effect: ToolEffect;
  source?: string;
  untrusted?: boolean;
  run(ctx: ToolContext, input: I): Promise<ToolOutcome<O>>;
}

/**
 * Declares a tool of the registry (checked like core's `defineTool`: snake_case name, a real description, a zod
 * input). Modules add their own tools by exporting a list of these and registering it (see `createToolRegistry`).
 * @example
 * export const listBudgets = defineChatTool({
 *   name: 'list_budgets',
 *   description: 'List cost budgets and how much of each is spent',
 *   input: z.object({}),
 *   output: z.array(Budget),
 *   effect: 'read',
 *   run: async (ctx) => ({ ok: true, value: await budgetsOf(ctx) }),
 * });
 */
export function defineChatTool<I, O>(definition: ChatToolDefinition<I, O>): ChatTool<I, O> {
  const tool = { source: 'opspilot', untrusted: true, ...definition };
  defineTool(tool);
  return tool;
}
