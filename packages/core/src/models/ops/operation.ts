import { z } from 'zod';
import { Plan } from '../../ports/plan.js';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/**
 * Where a plain-English operation is in its lifecycle (the seed-000 states applied to plans):
 * `NEEDS_REVIEW` waits for an approver; `APPROVED` may be applied; `APPLYING` is being carried out; `APPLIED` reached
 * the expected state; `FAILED` did not (after rolling back what could be undone); `REJECTED` by a reviewer;
 * `INVALID` refused by validation or the server's dry-run.
 */
export const OperationState = z.enum([
  'NEEDS_REVIEW',
  'APPROVED',
  'APPLYING',
  'APPLIED',
  'FAILED',
  'REJECTED',
  'INVALID',
]);
export type OperationState = z.infer<typeof OperationState>;

/** The moves between {@link OperationState}s the lifecycle allows. */
export const OPERATION_TRANSITIONS: Record<OperationState, readonly OperationState[]> = {
  NEEDS_REVIEW: ['APPROVED', 'REJECTED'],
  APPROVED: ['APPLYING', 'REJECTED'],
  APPLYING: ['APPLIED', 'FAILED'],
  APPLIED: [],
  FAILED: [],
  REJECTED: [],
  INVALID: [],
};

/** What happened to one step when the plan was applied. */
export const StepOutcome = z.object({
  index: z.int().min(0),
  description: z.string(),
  status: z.enum(['applied', 'failed', 'skipped', 'rolled_back', 'not_undone']),
  message: z.string().default(''),
});
export type StepOutcome = z.infer<typeof StepOutcome>;

/**
 * One plan going through the lifecycle: the request and plan, the risk as re-classified by `@opspilot/ops` (never
 * the planner's word), the dry-run diff, who proposed and approved it, and the outcome of every step. The plan and
 * its request are also recorded as a seed-000 AI Command (`ai_command_id`).
 */
export const Operation = z.object({
  id: Uuid,
  ai_command_id: Uuid.optional(),
  cluster_id: Uuid.optional(),
  request: z.string().min(1),
  plan: Plan,
  risk: z.enum(['read', 'write', 'destructive']),
  risk_reasons: z.array(z.string()),
  /** Names the approver must type for a destructive plan. */
  confirmations: z.array(z.string()).default([]),
  diff: z.string().default(''),
  state: OperationState,
  proposed_by: z.string().min(1),
  approved_by: z.string().min(1).optional(),
  problems: z.array(z.string()).default([]),
  steps: z.array(StepOutcome).default([]),
  /** Output of read steps and the verification summary. */
  result: z.string().default(''),
  details: JsonObject.default({}),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Operation = z.infer<typeof Operation>;
