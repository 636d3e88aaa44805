import { z } from 'zod';
import { JsonObject, Timestamp } from '../common.js';

/**
 * The body of every API error (seed 003 §8.3), e.g. `{ error_code: 'CLUSTER_NOT_FOUND', message: ... }`.
 * `error_code` is UPPER_SNAKE so clients can branch on it; `trace_id` finds the request in the server logs.
 */
export const ErrorResponse = z.object({
  error_code: z.string().regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, 'must be UPPER_SNAKE, e.g. CLUSTER_NOT_FOUND'),
  message: z.string().min(1),
  details: JsonObject.optional(),
  trace_id: z.string().min(1).optional(),
  timestamp: Timestamp,
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
