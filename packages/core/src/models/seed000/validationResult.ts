import { z } from 'zod';

/**
 * Severity of one validation result. An `ERROR` makes a generated configuration `INVALID`; warnings and
 * information are shown to the reviewer.
 */
export const ValidationSeverity = z.enum(['ERROR', 'WARNING', 'INFO']);
export type ValidationSeverity = z.infer<typeof ValidationSeverity>;

/**
 * One entry of a generated configuration's `validation_results` (seed 000): which rule fired, how bad it is and
 * where. `path` is a field path such as `spec.template.spec.containers[0].image`; `line` and `column` are 1-based.
 */
export const ValidationResult = z.object({
  rule: z.string().min(1),
  severity: ValidationSeverity,
  message: z.string().min(1),
  path: z.string().optional(),
  line: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
});
export type ValidationResult = z.infer<typeof ValidationResult>;
