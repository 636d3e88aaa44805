import { z } from 'zod';
import { StringMap, Timestamp, Uuid } from '../common.js';

/** OpenTelemetry status of a span (seed 003 §3.6). */
export const SpanStatus = z.enum(['OK', 'ERROR', 'UNSET']);
export type SpanStatus = z.infer<typeof SpanStatus>;

/** A timestamped log event recorded on a span (seed 003 §3.6). */
export const SpanLog = z.object({ timestamp: Timestamp, message: z.string() });
export type SpanLog = z.infer<typeof SpanLog>;

/**
 * One operation within a trace (seed 003 §3.6); a root span has no `parent_span_id`. Tags and logs come from the
 * traced application and are untrusted text.
 */
export const Span = z.object({
  span_id: z.string().min(1),
  parent_span_id: z.string().min(1).optional(),
  operation_name: z.string(),
  service_name: z.string(),
  start_time: Timestamp,
  duration_ms: z.number().int().min(0),
  status: SpanStatus.default('UNSET'),
  tags: StringMap.default({}),
  logs: z.array(SpanLog).default([]),
});
export type Span = z.infer<typeof Span>;

/**
 * A distributed trace from one cluster (seed 003 §3.5). Search results carry the summary fields only; `spans` is
 * filled when a single trace is fetched.
 */
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
