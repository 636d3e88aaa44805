import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { RecommendationStatus } from './recommendationStatus.js';

/** What a pipeline suggestion improves: caching, parallel jobs, running fewer tests, runner size, flaky tests. */
export const PipelineOptimizationCategory = z.enum([
  'CACHING',
  'PARALLELISM',
  'TEST_SELECTION',
  'RESOURCES',
  'FLAKINESS',
  'OTHER',
]);
export type PipelineOptimizationCategory = z.infer<typeof PipelineOptimizationCategory>;

const optimizationFields = {
  pipeline_id: Uuid,
  category: PipelineOptimizationCategory,
  /** What to change and why, in one or two sentences. */
  description: z.string().min(1),
  /** Expected time saved per run, from the run history. */
  estimated_time_saved_ms: z.number().int().min(0).optional(),
  /** The change to the pipeline's `config`, e.g. a cache step to add; applied through review. */
  proposed_change: JsonObject.default({}),
  status: RecommendationStatus.default('OPEN'),
};

/** A suggested improvement to a pipeline (seed 004 `pipeline_optimizations`, `cicdOrchestrator.getOptimizations`). */
export const PipelineOptimization = z.object({ id: Uuid, ...optimizationFields, created_at: Timestamp });
export type PipelineOptimization = z.infer<typeof PipelineOptimization>;

/** What the pipeline analyser supplies to record a {@link PipelineOptimization}. */
export const NewPipelineOptimization = z.object(optimizationFields);
export type NewPipelineOptimization = z.input<typeof NewPipelineOptimization>;
