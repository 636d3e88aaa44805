import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { notBefore } from './timeOrder.js';
import { type ModelRule, withRules } from './withRules.js';

/** Status of a pipeline run and of each of its stages, as in GitHub Actions and Argo Workflows. */
export const PipelineRunStatus = z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);
export type PipelineRunStatus = z.infer<typeof PipelineRunStatus>;

const DurationMs = z.number().int().min(0);

/** One stage (job) of a run. */
export const PipelineStage = z.object({
  name: z.string().min(1),
  status: PipelineRunStatus,
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
  duration_ms: DurationMs.optional(),
});
export type PipelineStage = z.infer<typeof PipelineStage>;

const runFields = {
  pipeline_id: Uuid,
  status: PipelineRunStatus.default('QUEUED'),
  /** What started the run as the provider names it, e.g. `push`, `pull_request`, `schedule`, `manual`. */
  trigger: z.string().min(1).max(100).default('manual'),
  /** Abbreviated or full SHA-1, or SHA-256 for repositories that use it. */
  commit_sha: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/, 'must be a lowercase hexadecimal commit id')
    .optional(),
  stages: z.array(PipelineStage).default([]),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
  duration_ms: DurationMs.optional(),
};

interface RunShape {
  started_at?: string;
  finished_at?: string;
  stages: { started_at?: string; finished_at?: string }[];
}

const runRules: ModelRule<RunShape>[] = [
  {
    check: (r) => notBefore(r.started_at, r.finished_at),
    message: 'finished_at must not be before started_at',
    path: ['finished_at'],
  },
  {
    check: (r) => r.stages.every((s) => notBefore(s.started_at, s.finished_at)),
    message: 'a stage must not finish before it starts',
    path: ['stages'],
  },
];

/** One execution of a pipeline (seed 004 `pipeline_runs`): the data behind failure prediction and test selection. */
export const PipelineRun = withRules(z.object({ id: Uuid, ...runFields, created_at: Timestamp }), runRules);
export type PipelineRun = z.infer<typeof PipelineRun>;

/** What a caller or provider webhook supplies to record a {@link PipelineRun}. */
export const NewPipelineRun = withRules(z.object(runFields), runRules);
export type NewPipelineRun = z.input<typeof NewPipelineRun>;
