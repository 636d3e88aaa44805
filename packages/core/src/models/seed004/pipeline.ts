import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

const pipelineFields = {
  name: z.string().min(1).max(255),
  repository: z.string().max(255).optional(),
  branch: z.string().max(100).optional(),
  config: JsonObject,
  status: z.enum(['ACTIVE', 'PAUSED', 'DISABLED']).default('ACTIVE'),
  last_run_at: Timestamp.optional(),
};

/** A CI/CD pipeline definition (seed 004 `pipelines`). */
export const Pipeline = z.object({ id: Uuid, ...pipelineFields, created_at: Timestamp, updated_at: Timestamp });
export type Pipeline = z.infer<typeof Pipeline>;

/** The caller-supplied part of a {@link Pipeline}. */
export const NewPipeline = z.object(pipelineFields);
export type NewPipeline = z.input<typeof NewPipeline>;

/** Status of a pipeline run or stage. */
export const RunStatus = z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);

const runFields = {
  pipeline_id: Uuid,
  status: RunStatus.default('QUEUED'),
  trigger: z.string().default('manual'),
  commit_sha: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/)
    .optional(),
  stages: z
    .array(z.object({ name: z.string().min(1), status: RunStatus, duration_ms: z.number().int().min(0).optional() }))
    .default([]),
  started_at: Timestamp.optional(),
  finished_at: Timestamp.optional(),
  duration_ms: z.number().int().min(0).optional(),
};

/** One execution of a pipeline (seed 004 `pipeline_runs`). */
export const PipelineRun = z.object({ id: Uuid, ...runFields, created_at: Timestamp });
export type PipelineRun = z.infer<typeof PipelineRun>;

/** The caller-supplied part of a {@link PipelineRun}. */
export const NewPipelineRun = z.object(runFields);
export type NewPipelineRun = z.input<typeof NewPipelineRun>;
