import { z } from 'zod';
import { functionField, parseDefinition, schemaField } from './parseDefinition.js';

/**
 * What running a tool or action may do to a cluster. `read` runs at once; `write` needs an approver;
 * `destructive` needs an approver and a typed confirmation (see the operation lifecycle).
 */
export const ToolEffect = z.enum(['read', 'write', 'destructive']);
export type ToolEffect = z.infer<typeof ToolEffect>;

/** What a tool returns to the model: a value, or a user-level error message the model can act on. */
export type ToolOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** A tool offered to language models and MCP clients; call it through {@link invokeTool}, never `run` directly. */
export interface Tool<I = unknown, O = unknown, C = unknown> {
  /** snake_case, as models and MCP expect, e.g. `list_pods`. */
  name: string;
  /** Told to the model: what the tool does and when to use it. */
  description: string;
  input: z.ZodType<I>;
  effect: ToolEffect;
  run(ctx: C, input: I): Promise<ToolOutcome<O>>;
}

const ToolDefinition = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case, e.g. list_pods'),
  description: z.string().min(10, 'describe the tool for the model in a sentence'),
  input: schemaField(),
  effect: ToolEffect,
  run: functionField(),
});

/**
 * Declares a tool, checking its definition (snake_case name, a real description, a zod input schema); throws
 * InputError when malformed.
 * @example
 * export const listPods = defineTool({
 *   name: 'list_pods',
 *   description: 'List pods in a namespace with their status',
 *   input: z.object({ namespace: z.string() }),
 *   effect: 'read',
 *   run: async (ctx, { namespace }) => ({ ok: true, value: await ctx.gateway.list('Pod', { namespace }) }),
 * });
 */
export function defineTool<I, O, C>(definition: Tool<I, O, C>): Tool<I, O, C> {
  parseDefinition('tool', ToolDefinition, definition);
  return definition;
}
