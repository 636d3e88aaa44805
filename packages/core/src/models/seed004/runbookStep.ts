import { z } from 'zod';
import { JsonObject } from '../common.js';

/**
 * Id of a registered healing action or runbook step, e.g. `deployment:rollback` or `pod:restart`: lowercase
 * letters, digits, `:`, `.` and `-`, at most 100 characters (seed 004 `healing_rules.action_type` VARCHAR(100)).
 * Same format as the ids given to `defineAction`, so a stored rule or step resolves to one registered action.
 */
export const ActionId = z
  .string()
  .max(100)
  .regex(/^[a-z0-9][a-z0-9:.-]*$/, 'must be an action id such as deployment:rollback');
export type ActionId = z.infer<typeof ActionId>;

/**
 * What an automated step may do to the cluster. It decides review: READ runs freely, WRITE needs an approver,
 * DESTRUCTIVE needs an approver and a typed confirmation.
 */
export const StepEffect = z.enum(['READ', 'WRITE', 'DESTRUCTIVE']);
export type StepEffect = z.infer<typeof StepEffect>;

/** One step of a runbook: a registered action, its input and how long it may take (seed 004 `runbooks.steps`). */
export const RunbookStep = z.object({
  /** Stable within the runbook; execution results refer to it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a step id such as rollback-backend'),
  name: z.string().min(1),
  action: ActionId,
  input: JsonObject.default({}),
  effect: StepEffect,
  timeout_seconds: z.number().int().min(1).max(3600).default(300),
  /** Keep going with the next step when this one fails (for diagnostic READ steps). */
  continue_on_failure: z.boolean().default(false),
});
export type RunbookStep = z.infer<typeof RunbookStep>;
