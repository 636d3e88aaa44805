import {
  assembleTrace,
  type Trace,
  type TraceQuery,
  TraceQuery as TraceQuerySchema,
  type TraceSource,
} from '@opspilot/core';
import { decodeOtlpTraces } from '../otlp/decodeOtlpTraces.js';
import type { TempoClient } from './tempoClient.js';
import { traceqlOf } from './traceqlOf.js';

/** Default search window when a query gives no start: the last hour. */
const DEFAULT_WINDOW_MS = 3_600_000;

/**
 * The `TraceSource` over Tempo: a seed 003 §3.4 query becomes TraceQL ({@link traceqlOf}) with Tempo's
 * `minDuration`/`maxDuration`, a window (default the last hour) and the limit; a trace id is fetched with all its
 * spans. Tempo does not know opspilot's clusters: traces carry `cluster_name` from the `k8s.cluster.name` resource
 * attribute when the trace is fetched, and `cluster_ids` is not applied (say so in the caller). Span and service
 * counts of search results come from Tempo's `serviceStats` (0 from a Tempo older than 2.2).
 */
export function createTempoTraceSource(options: { client: TempoClient; now?: () => Date }): TraceSource {
  const now = options.now ?? (() => new Date());
  const getTrace = async (traceId: string, signal?: AbortSignal): Promise<Trace | undefined> => {
    const batches = await options.client.trace(traceId.toLowerCase(), signal);
    if (!batches) return undefined;
    return assembleTrace(decodeOtlpTraces({ resourceSpans: batches }, 'json', 'base64'));
  };
  return {
    getTrace,
    async search(input: TraceQuery, signal?: AbortSignal) {
      const query = TraceQuerySchema.parse(input);
      if (query.trace_id) {
        const trace = await getTrace(query.trace_id, signal);
        return trace ? [{ ...trace, spans: [] }] : [];
      }
      const end = query.end_time ? new Date(query.end_time) : now();
      const start = query.start_time ? new Date(query.start_time) : new Date(end.getTime() - DEFAULT_WINDOW_MS);
      const found = await options.client.search({
        q: traceqlOf(query),
        minDuration: query.min_duration_ms === undefined ? undefined : `${query.min_duration_ms}ms`,
        maxDuration: query.max_duration_ms === undefined ? undefined : `${query.max_duration_ms}ms`,
        start: Math.floor(start.getTime() / 1000),
        end: Math.ceil(end.getTime() / 1000),
        limit: query.limit,
        signal,
      });
      return found.slice(0, query.limit).map((t): Trace => {
        const stats = Object.values(t.serviceStats ?? {});
        return {
          trace_id: t.traceID.toLowerCase().padStart(32, '0'),
          ...(t.rootServiceName ? { root_service: t.rootServiceName } : {}),
          ...(t.rootTraceName ? { root_operation: t.rootTraceName } : {}),
          start_time: new Date(Number(BigInt(t.startTimeUnixNano) / 1_000_000n)).toISOString(),
          duration_ms: t.durationMs ?? 0,
          span_count: stats.reduce((n, s) => n + s.spanCount, 0),
          service_count: stats.length,
          has_errors: stats.some((s) => s.errorCount > 0),
          spans: [],
        };
      });
    },
  };
}
