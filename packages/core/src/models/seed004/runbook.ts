import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { StepEffect } from './shared.js';

/** One step of a runbook: a registered action with its input (seed 004 `runbooks.steps`). */
export const RunbookStep = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  action: z.string().regex(/^[a-z0-9][a-z0-9:.-]*$/, 'must be an action id such as deployment:rollback'),
  input: JsonObject.default({}),
  effect: StepEffect,
  timeout_seconds: z.number().int().min(1).max(3600).default(300),
});
export type RunbookStep = z.infer<typeof RunbookStep>;

const runbookFields = {
  name: z.string().min(1).max(255),
  description: z.string().default(''),
  trigger_conditions: JsonObject.default({}),
  steps: z.array(RunbookStep).min(1, 'a runbook needs at least one step'),
  auto_execute: z.boolean().default(false),
  requires_approval: z.boolean().default(true),
};

/** An automated runbook (seed 004 `runbooks`). */
export const Runbook = z
  .object({ id: Uuid, ...runbookFields, created_at: Timestamp, updated_at: Timestamp })
  .refine((r) => !r.auto_execute || !r.steps.some((s) => s.effect === 'DESTRUCTIVE') || r.requires_approval, {
    message: 'a runbook with destructive steps cannot auto-execute without approval',
    path: ['requires_approval'],
  });
export type Runbook = z.infer<typeof Runbook>;

/** The caller-supplied part of a {@link Runbook}. */
export const NewRunbook = z.object(runbookFields);
export type NewRunbook = z.input<typeof NewRunbook>;

/** Status of a runbook execution. */
export const RunbookExecutionStatus = z.enum([
  'PENDING',
  'AWAITING_APPROVAL',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
]);

const executionFields = {
  runbook_id: Uuid,
  incident_id: Uuid.optional(),
  status: RunbookExecutionStatus.default('PENDING'),
  triggered_by: z.string().min(1),
  step_results: z
    .array(
      z.object({
        step_id: z.string(),
        status: z.enum(['SKIPPED', 'SUCCEEDED', 'FAILED']),
        output: z.string().default(''),
      }),
    )
    .default([]),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
};

/** One run of a runbook (seed 004 `runbook_executions`). */
export const RunbookExecution = z.object({ id: Uuid, ...executionFields, created_at: Timestamp });
export type RunbookExecution = z.infer<typeof RunbookExecution>;

/** The caller-supplied part of a {@link RunbookExecution}. */
export const NewRunbookExecution = z.object(executionFields);
export type NewRunbookExecution = z.input<typeof NewRunbookExecution>;
