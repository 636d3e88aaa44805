import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/** Whether a pipeline runs (seed 004 `pipelines.status`): PAUSED skips triggers, DISABLED also refuses runs. */
export const PipelineStatus = z.enum(['ACTIVE', 'PAUSED', 'DISABLED']);
export type PipelineStatus = z.infer<typeof PipelineStatus>;

const pipelineFields = {
  name: z.string().min(1).max(255),
  /** A repository URL or `owner/name`. */
  repository: z.string().min(1).max(255).optional(),
  branch: z.string().min(1).max(100).optional(),
  /** The pipeline definition (a parsed GitHub Actions workflow, Argo Workflow, ...). */
  config: JsonObject,
  status: PipelineStatus.default('ACTIVE'),
  last_run_at: Timestamp.optional(),
};

/** A CI/CD pipeline definition (seed 004 `pipelines`). */
export const Pipeline = z.object({ id: Uuid, ...pipelineFields, created_at: Timestamp, updated_at: Timestamp });
export type Pipeline = z.infer<typeof Pipeline>;

/** What a caller supplies to create a {@link Pipeline}, by hand or from `cicdOrchestrator.generatePipeline`. */
export const NewPipeline = z.object(pipelineFields);
export type NewPipeline = z.input<typeof NewPipeline>;
