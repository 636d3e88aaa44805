import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

const optimizationFields = {
  pipeline_id: Uuid,
  category: z.enum(['CACHING', 'PARALLELISM', 'TEST_SELECTION', 'RESOURCES', 'FLAKINESS', 'OTHER']),
  description: z.string().min(1),
  estimated_time_saved_ms: z.number().int().min(0).optional(),
  proposed_change: JsonObject.default({}),
  status: z.enum(['OPEN', 'APPLIED', 'DISMISSED']).default('OPEN'),
};

/** A suggested improvement to a pipeline (seed 004 `pipeline_optimizations`). */
export const PipelineOptimization = z.object({ id: Uuid, ...optimizationFields, created_at: Timestamp });
export type PipelineOptimization = z.infer<typeof PipelineOptimization>;

/** The caller-supplied part of a {@link PipelineOptimization}. */
export const NewPipelineOptimization = z.object(optimizationFields);
export type NewPipelineOptimization = z.input<typeof NewPipelineOptimization>;

const Ratio = z.number().min(0).max(1);
const testFields = {
  pipeline_id: Uuid.optional(),
  test_id: z.string().min(1),
  file_path: z.string().optional(),
  flakiness: Ratio.default(0),
  failure_rate: Ratio.default(0),
  avg_duration_ms: z.number().int().min(0).default(0),
  runs: z.number().int().min(0).default(0),
  last_results: z
    .array(z.enum(['PASS', 'FAIL', 'SKIP']))
    .max(50)
    .default([]),
  covered_paths: z.array(z.string()).default([]),
};

/** Per-test history used for test selection (seed 004 `test_intelligence`). */
export const TestIntelligence = z.object({ id: Uuid, ...testFields, updated_at: Timestamp });
export type TestIntelligence = z.infer<typeof TestIntelligence>;

/** The caller-supplied part of a {@link TestIntelligence}. */
export const NewTestIntelligence = z.object(testFields);
export type NewTestIntelligence = z.input<typeof NewTestIntelligence>;
