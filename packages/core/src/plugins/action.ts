import { z } from 'zod';
import type { KubeObject, ObjectRef } from '../ports/kubeObject.js';
import { functionField, PluginId, parseDefinition, schemaField } from './parseDefinition.js';
import { ToolEffect } from './tool.js';

/**
 * What every healing action and runbook step receives; packages extend it with the ports they need
 * (`ClusterGateway`, `Clock`, ...). Work must stop, and the promise reject, when `signal` aborts.
 */
export interface ActionContext {
  signal: AbortSignal;
}

/**
 * What an action would do, shown at review: a sentence, and the objects as they would be after it (from a
 * server-side dry run) so `ops` can diff them against the live ones. Steps that change no object return none.
 */
export interface ActionPreview {
  summary: string;
  changes: KubeObject[];
}

/** What an action did, for verification and the audit trail. */
export interface ActionResult {
  summary: string;
  changed: ObjectRef[];
}

/** A healing action or runbook step: what it would do (`dryRun`) and doing it (`execute`). */
export interface Action<I = unknown, C extends ActionContext = ActionContext> {
  id: string;
  description?: string;
  /** Parses the step's input from a healing rule or runbook (YAML, HTTP) before either method runs. */
  input: z.ZodType<I>;
  effect: ToolEffect;
  dryRun(ctx: C, input: I): Promise<ActionPreview>;
  execute(ctx: C, input: I): Promise<ActionResult>;
}

const ActionDefinition = z.object({
  id: PluginId,
  description: z.string().optional(),
  input: schemaField(),
  effect: ToolEffect,
  dryRun: functionField(),
  execute: functionField(),
});

/**
 * Declares a healing action or runbook step, checking its definition; throws InputError when malformed.
 * @example
 * export const rollback = defineAction({
 *   id: 'deployment:rollback',
 *   input: z.object({ namespace: z.string(), name: z.string() }),
 *   effect: 'write',
 *   dryRun: async (ctx, ref) => previewUndo(ctx.gateway, ref),
 *   execute: async (ctx, ref) => undo(ctx.gateway, ref, ctx.signal),
 * });
 */
export function defineAction<I, C extends ActionContext>(definition: Action<I, C>): Action<I, C> {
  parseDefinition('action', ActionDefinition, definition);
  return definition;
}
