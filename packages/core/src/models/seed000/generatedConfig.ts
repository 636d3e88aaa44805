import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { GeneratedConfigState } from './generatedConfigState.js';
import { ValidationResult } from './validationResult.js';

/**
 * Where a generated file is saved, relative to the project it belongs to, e.g. `k8s/backend.yaml`. Absolute paths
 * and `..` segments are refused, so a generator (or a language model) cannot make opspilot write outside the project.
 */
export const GeneratedFilePath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.includes('\0'), 'must not contain NUL characters')
  .refine((p) => !/^([/\\]|[A-Za-z]:)/.test(p), 'must be relative to the project, e.g. k8s/backend.yaml')
  .refine((p) => !p.split(/[/\\]/).includes('..'), "must not contain '..' segments");
export type GeneratedFilePath = z.infer<typeof GeneratedFilePath>;

/**
 * A file produced by a generator — Kubernetes YAML, a Dockerfile, a Helm chart file (seed 000
 * "Generated Configuration"). It starts in `GENERATED` and moves through {@link GeneratedConfigState} with
 * {@link transitionGeneratedConfig}; only an `APPROVED` configuration may be applied.
 */
export const GeneratedConfig = z.object({
  id: Uuid,
  ai_command_id: Uuid.optional(),
  file_path: GeneratedFilePath,
  content: z.string(),
  generator_tool: z.string().min(1),
  resource_type: z.string().min(1),
  validation_results: z.array(ValidationResult).default([]),
  human_review_required: z.boolean().default(true),
  review_notes: z.string().default(''),
  state: GeneratedConfigState.default('GENERATED'),
  /** Which generation of these records this is: 1, then one more each time the same thing is generated again. */
  revision: z.number().int().min(1).default(1),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type GeneratedConfig = z.infer<typeof GeneratedConfig>;

/**
 * The caller-supplied part of a {@link GeneratedConfig}. The store assigns id and timestamps, and every new
 * configuration starts in `GENERATED`, so `state` cannot be supplied.
 */
export const NewGeneratedConfig = GeneratedConfig.omit({ id: true, created_at: true, updated_at: true, state: true });
export type NewGeneratedConfig = z.input<typeof NewGeneratedConfig>;
