import type { Clock, ClusterGateway, KubeObject, PlanStep } from '@opspilot/core';
import type { z } from 'zod';
import type { Signal } from '../correlate/signal.js';

/** What a runbook step's action runs with: the cluster, the clock, the incident's signals, earlier operations. */
export interface RunbookActionContext {
  gateway: ClusterGateway;
  clock: Clock;
  signal: AbortSignal;
  /** The signals of the incident the runbook runs for (for checks such as `check:signals-clear`). */
  incidentSignals?(): Promise<Signal[]>;
  /** Reads an operation of the lifecycle (for reverting a change it made: its journal keeps the object before). */
  operation?(id: string): Promise<{ plan: { steps: PlanStep[] }; details: Record<string, unknown> } | undefined>;
}

/** The outcome of a diagnostic or a check: its text, and for a check whether it held. */
export interface ReadOutcome {
  ok: boolean;
  output: string;
}

/** What a changing action proposes: plan steps for the operation lifecycle. */
export interface ActionProposal {
  summary: string;
  steps: PlanStep[];
}

/** A read: a diagnostic records what it saw, a check says whether the expected state holds. */
export interface ReadActionDefinition<P extends z.ZodObject> {
  id: string;
  type: 'diagnostic' | 'check';
  description: string;
  params: P;
  run(ctx: RunbookActionContext, input: z.infer<P>): Promise<ReadOutcome>;
}

/** A change: plan steps for the operation lifecycle. */
export interface ChangeActionDefinition<P extends z.ZodObject> {
  id: string;
  type: 'action';
  description: string;
  params: P;
  propose(ctx: RunbookActionContext, input: z.infer<P>): Promise<ActionProposal>;
}

/**
 * A runbook step's action: a `diagnostic` reads, a `check` reads and says whether the expected state holds (polled
 * until its timeout), an `action` changes the cluster — never directly, always as plan steps that go through the
 * operation lifecycle of `@opspilot/ops` (dry-run, diff, review by policy, apply, verify, audit). Inputs are parsed
 * with `params` before either method runs.
 */
export type RunbookAction = ReadActionDefinition<z.ZodObject> | ChangeActionDefinition<z.ZodObject>;

/**
 * Declares a runbook action (checked at save time against the steps that use it).
 * @example
 * export const rollback = defineRunbookAction({
 *   id: 'deployment:rollback', type: 'action', description: 'kubectl rollout undo',
 *   params: z.object({ namespace: z.string(), workload: z.string() }),
 *   propose: async (_ctx, p) => ({ summary: `roll back ${p.workload}`, steps: [...] }),
 * });
 */
export function defineRunbookAction<P extends z.ZodObject>(
  action: ReadActionDefinition<P> | ChangeActionDefinition<P>,
): RunbookAction {
  if (!/^[a-z0-9][a-z0-9:.-]*$/.test(action.id)) throw new Error(`runbook action id ${action.id} is malformed`);
  return action as unknown as RunbookAction;
}

// biome-ignore lint/suspicious/noExplicitAny: objects from the cluster are read field by field
export type Any = Record<string, any>;

/** The pod template's containers of a workload (or a pod's own). */
export function containersOf(obj: KubeObject | undefined): Any[] {
  const spec = obj?.kind === 'Pod' ? (obj.spec as Any) : (obj?.spec as Any | undefined)?.template?.spec;
  return (spec?.containers ?? []) as Any[];
}
