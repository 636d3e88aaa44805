import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';

/** Which tool produced an AI command (seed 000 `command_type`; `OPSPILOT` is the built-in planner). */
export const AiCommandType = z.enum(['KUBECTL_AI', 'KAGENT', 'GORDON', 'OPSPILOT']);
export type AiCommandType = z.infer<typeof AiCommandType>;

/** Outcome of validating what a command generated (seed 000 `validation_status`). */
export const ValidationStatus = z.enum(['VALID', 'INVALID', 'NEEDS_REVIEW']);
export type ValidationStatus = z.infer<typeof ValidationStatus>;

/**
 * One plain-English request and what it produced (seed 000 "AI Command Interface").
 * Stored for every `opspilot ask`, whether or not the result was applied.
 */
export const AiCommand = z.object({
  id: Uuid,
  command_type: AiCommandType,
  natural_language_input: z.string().min(1).max(10_000),
  generated_output: z.string(),
  validation_status: ValidationStatus,
  applied_to_cluster: z.boolean().default(false),
  timestamp: Timestamp,
  user_id: z.string().min(1).optional(),
  cluster_id: Uuid.optional(),
});
export type AiCommand = z.infer<typeof AiCommand>;

/** The caller-supplied part of an {@link AiCommand}; the store assigns id and timestamp. */
export const NewAiCommand = AiCommand.omit({ id: true, timestamp: true });
export type NewAiCommand = z.input<typeof NewAiCommand>;
