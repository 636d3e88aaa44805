import { z } from 'zod';

/** Severity of one validation result. */
export const ValidationSeverity = z.enum(['ERROR', 'WARNING', 'INFO']);
export type ValidationSeverity = z.infer<typeof ValidationSeverity>;

/** One entry of a generated configuration's `validation_results` (seed 000). */
export const ValidationResult = z.object({
  rule: z.string().min(1),
  severity: ValidationSeverity,
  message: z.string().min(1),
  path: z.string().optional(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
});
export type ValidationResult = z.infer<typeof ValidationResult>;
