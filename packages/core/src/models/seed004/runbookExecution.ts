import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { notBefore } from './timeOrder.js';
import { type ModelRule, withRules } from './withRules.js';

/** Status of a runbook run (seed 004 `runbook_executions`); AWAITING_APPROVAL waits for a reviewer. */
export const RunbookExecutionStatus = z.enum([
  'PENDING',
  'AWAITING_APPROVAL',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
]);
export type RunbookExecutionStatus = z.infer<typeof RunbookExecutionStatus>;

const FINISHED: readonly RunbookExecutionStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

/** What happened to one step of a run; `step_id` is the id of a `RunbookStep`. */
export const RunbookStepResult = z.object({
  step_id: z.string().min(1),
  status: z.enum(['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'SKIPPED']),
  output: z.string().default(''),
  error: z.string().optional(),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
});
export type RunbookStepResult = z.infer<typeof RunbookStepResult>;

const executionFields = {
  runbook_id: Uuid,
  incident_id: Uuid.optional(),
  /** The cluster the run acts on (an opspilot addition: a run by hand has no incident to name it). */
  cluster_id: Uuid.optional(),
  status: RunbookExecutionStatus.default('PENDING'),
  /** User id of whoever started the run, or `system` when a trigger matched. */
  triggered_by: z.string().min(1),
  step_results: z.array(RunbookStepResult).default([]),
  /** The parameters the run started with (an opspilot addition: the runbook's `parameters`, filled in). */
  input: JsonObject.default({}),
  /** The {@link RunbookVersion} it ran, when the runbook was saved as YAML. */
  runbook_version: z.number().int().min(1).optional(),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
};

interface ExecutionShape {
  status: RunbookExecutionStatus;
  started_at?: string;
  finished_at?: string;
}

const executionRules: ModelRule<ExecutionShape>[] = [
  {
    check: (e) => FINISHED.includes(e.status) === (e.finished_at !== undefined),
    message: 'finished_at must be set exactly when the run has finished (SUCCEEDED, FAILED or CANCELLED)',
    path: ['finished_at'],
  },
  {
    check: (e) => notBefore(e.started_at, e.finished_at),
    message: 'finished_at must not be before started_at',
    path: ['finished_at'],
  },
];

/** One run of a runbook, by hand or for an incident, with a result per step (seed 004 `runbook_executions`). */
export const RunbookExecution = withRules(
  z.object({ id: Uuid, ...executionFields, created_at: Timestamp }),
  executionRules,
);
export type RunbookExecution = z.infer<typeof RunbookExecution>;

/** What a caller supplies to start a {@link RunbookExecution}. */
export const NewRunbookExecution = withRules(z.object(executionFields), executionRules);
export type NewRunbookExecution = z.input<typeof NewRunbookExecution>;
