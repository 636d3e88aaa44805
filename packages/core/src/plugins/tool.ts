import { z } from 'zod';
import { parseDefinition } from './pluginId.js';

/** What running a tool may do: reads run at once, anything else goes through review. */
export const ToolEffect = z.enum(['read', 'write', 'destructive']);
export type ToolEffect = z.infer<typeof ToolEffect>;

/** What a tool returns to the model: a value, or a user-level error message (never a throw). */
export type ToolOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** A tool offered to language models and MCP clients. */
export interface Tool<I = unknown, O = unknown, C = unknown> {
  name: string;
  description: string;
  input: z.ZodType<I>;
  effect: ToolEffect;
  run(ctx: C, input: I): Promise<ToolOutcome<O>>;
}

const ToolDefinition = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case, e.g. list_pods'),
  description: z.string().min(10, 'describe the tool for the model in a sentence'),
  input: z.custom<z.ZodType>((v) => v instanceof z.ZodType, 'must be a zod schema'),
  effect: ToolEffect,
  run: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'must be a function'),
});

/**
 * Declares a tool, checking its definition.
 * @example
 * export const listPods = defineTool({
 *   name: 'list_pods',
 *   description: 'List pods in a namespace with their status',
 *   input: z.object({ namespace: z.string() }),
 *   effect: 'read',
 *   run: async (ctx, { namespace }) => ({ ok: true, value: [] }),
 * });
 */
export function defineTool<I, O, C>(definition: Tool<I, O, C>): Tool<I, O, C> {
  parseDefinition('tool', ToolDefinition, definition);
  return definition;
}

/** Parses the model's raw input with the tool's schema and runs it; bad input is returned as an error. */
export async function invokeTool<I, O, C>(tool: Tool<I, O, C>, ctx: C, rawInput: unknown): Promise<ToolOutcome<O>> {
  const parsed = tool.input.safeParse(rawInput);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
    return { ok: false, error: `invalid input for ${tool.name}: ${problems.join('; ')}` };
  }
  return tool.run(ctx, parsed.data);
}
