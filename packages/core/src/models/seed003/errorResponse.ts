import { z } from 'zod';
import { JsonObject, Timestamp } from '../common.js';

/** The body of every API error (seed 003 §8.3). */
export const ErrorResponse = z.object({
  error_code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE'),
  message: z.string().min(1),
  details: JsonObject.optional(),
  trace_id: z.string().optional(),
  timestamp: Timestamp,
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
