import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { GeneratedConfigState } from './generatedConfigState.js';
import { ValidationResult } from './validationResult.js';

/**
 * A file produced by a generator — Kubernetes YAML, a Dockerfile, a Helm chart file (seed 000
 * "Generated Configuration"). It moves through {@link GeneratedConfigState} before it may be applied.
 */
export const GeneratedConfig = z.object({
  id: Uuid,
  ai_command_id: Uuid.optional(),
  file_path: z.string().min(1),
  content: z.string(),
  generator_tool: z.string().min(1),
  resource_type: z.string().min(1),
  validation_results: z.array(ValidationResult).default([]),
  human_review_required: z.boolean().default(true),
  review_notes: z.string().default(''),
  state: GeneratedConfigState.default('GENERATED'),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type GeneratedConfig = z.infer<typeof GeneratedConfig>;

/** The caller-supplied part of a {@link GeneratedConfig}; new configs start in `GENERATED`. */
export const NewGeneratedConfig = GeneratedConfig.omit({ id: true, created_at: true, updated_at: true, state: true });
export type NewGeneratedConfig = z.input<typeof NewGeneratedConfig>;
