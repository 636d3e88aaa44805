import { z } from 'zod';
import { StringMap, Timestamp, Uuid } from '../common.js';

/** A trace search (seed 003 §3.4); limit 1 to 100 (seed 003 §10). */
export const TraceQuery = z.object({
  cluster_ids: z.array(Uuid).default([]),
  service_name: z.string().optional(),
  operation_name: z.string().optional(),
  trace_id: z.string().optional(),
  min_duration_ms: z.number().int().min(0).optional(),
  max_duration_ms: z.number().int().min(0).optional(),
  tags: StringMap.default({}),
  start_time: Timestamp.optional(),
  end_time: Timestamp.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type TraceQuery = z.infer<typeof TraceQuery>;

/** One span of a trace (seed 003 §3.6). */
export const Span = z.object({
  span_id: z.string().min(1),
  parent_span_id: z.string().optional(),
  operation_name: z.string(),
  service_name: z.string(),
  start_time: Timestamp,
  duration_ms: z.number().int().min(0),
  status: z.enum(['OK', 'ERROR', 'UNSET']).default('UNSET'),
  tags: StringMap.default({}),
  logs: z.array(z.object({ timestamp: Timestamp, message: z.string() })).default([]),
});
export type Span = z.infer<typeof Span>;

/** A distributed trace (seed 003 §3.5). */
export const Trace = z.object({
  trace_id: z.string().min(1),
  cluster_id: Uuid.optional(),
  cluster_name: z.string().optional(),
  root_service: z.string().optional(),
  root_operation: z.string().optional(),
  start_time: Timestamp,
  duration_ms: z.number().int().min(0),
  span_count: z.number().int().min(0),
  service_count: z.number().int().min(0),
  has_errors: z.boolean(),
  spans: z.array(Span).default([]),
});
export type Trace = z.infer<typeof Trace>;
