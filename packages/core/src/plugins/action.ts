import { z } from 'zod';
import { PluginId, parseDefinition } from './pluginId.js';
import { ToolEffect } from './tool.js';

/** Context of a healing action or runbook step; work must stop when `signal` aborts. */
export interface ActionContext {
  signal: AbortSignal;
  dryRun: boolean;
}

/** A healing action or runbook step: what it would do (dry-run) and doing it. */
export interface Action<I = unknown, C extends ActionContext = ActionContext> {
  id: string;
  input: z.ZodType<I>;
  effect: z.infer<typeof ToolEffect>;
  dryRun(ctx: C, input: I): Promise<string>;
  execute(ctx: C, input: I): Promise<string>;
}

const ActionDefinition = z.object({
  id: PluginId,
  input: z.custom<z.ZodType>((v) => v instanceof z.ZodType, 'must be a zod schema'),
  effect: ToolEffect,
  dryRun: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'must be a function'),
  execute: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'must be a function'),
});

/**
 * Declares a healing action or runbook step, checking its definition.
 * @example
 * export const rollback = defineAction({
 *   id: 'deployment:rollback', input: z.object({ name: z.string() }), effect: 'write',
 *   dryRun: async () => 'would roll back', execute: async () => 'rolled back',
 * });
 */
export function defineAction<I, C extends ActionContext>(definition: Action<I, C>): Action<I, C> {
  parseDefinition('action', ActionDefinition, definition);
  return definition;
}
