import type { Span, SpanLog, SpanStatus, Trace, TraceQuery } from '../models/seed003/index.js';

/** Tempo-compatible traces: search by service, duration and time, then fetch one trace with all its spans. */
export interface TraceSource {
  search(query: TraceQuery, signal?: AbortSignal): Promise<Trace[]>;
  /** The trace, or `undefined` when the backend does not know the id. */
  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined>;
}

/** OpenTelemetry span kinds (`SPAN_KIND_*` without the prefix). */
export type SpanKind = 'UNSPECIFIED' | 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

/**
 * One received span with microsecond times, as the OTLP receiver decodes it and the store keeps it: a {@link Span}
 * plus the trace it belongs to, its kind and the cluster it came from. Ids are lower-case hex (32 and 16 digits).
 */
export interface SpanRecord {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  service_name: string;
  operation_name: string;
  kind: SpanKind;
  /** Start, microseconds since the Unix epoch. */
  start_unix_us: number;
  duration_us: number;
  status: SpanStatus;
  /** Span and resource attributes as text (span attributes win); `error: "true"` on a span whose status is ERROR. */
  tags: Record<string, string>;
  logs: SpanLog[];
  cluster_id?: string;
  cluster_name?: string;
}

const toSpan = (s: SpanRecord): Span => ({
  span_id: s.span_id,
  ...(s.parent_span_id ? { parent_span_id: s.parent_span_id } : {}),
  operation_name: s.operation_name,
  service_name: s.service_name,
  start_time: new Date(Math.floor(s.start_unix_us / 1000)).toISOString(),
  duration_ms: Math.round(s.duration_us / 1000),
  status: s.status,
  tags: s.tags,
  logs: s.logs,
});

/**
 * The seed 003 §3.5 trace of `spans` (all of one trace id): start and duration from the earliest start to the latest
 * end, the root is the span without a parent (else the earliest), spans ordered by start. `withSpans: false` leaves
 * `spans` empty (search results). Undefined for no spans.
 */
export function assembleTrace(spans: SpanRecord[], withSpans = true): Trace | undefined {
  if (spans.length === 0) return undefined;
  const ordered = [...spans].sort((a, b) => a.start_unix_us - b.start_unix_us);
  const first = ordered[0] as SpanRecord;
  const ids = new Set(ordered.map((s) => s.span_id));
  const root = ordered.find((s) => !s.parent_span_id || !ids.has(s.parent_span_id)) ?? first;
  const end = Math.max(...ordered.map((s) => s.start_unix_us + s.duration_us));
  const cluster = ordered.find((s) => s.cluster_id || s.cluster_name);
  return {
    trace_id: first.trace_id,
    ...(cluster?.cluster_id ? { cluster_id: cluster.cluster_id } : {}),
    ...(cluster?.cluster_name ? { cluster_name: cluster.cluster_name } : {}),
    root_service: root.service_name,
    root_operation: root.operation_name,
    start_time: new Date(Math.floor(first.start_unix_us / 1000)).toISOString(),
    duration_ms: Math.round((end - first.start_unix_us) / 1000),
    span_count: ordered.length,
    service_count: new Set(ordered.map((s) => s.service_name)).size,
    has_errors: ordered.some((s) => s.status === 'ERROR'),
    spans: withSpans ? ordered.map(toSpan) : [],
  };
}
