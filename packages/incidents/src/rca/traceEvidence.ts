import type { Trace, TraceSource } from '@opspilot/core';

/** A span of one of the incident's services worth showing: one that failed, or one of the slowest in the window. */
export interface SlowSpan {
  trace_id: string;
  span_id: string;
  service: string;
  operation: string;
  duration_ms: number;
  status: 'OK' | 'ERROR' | 'UNSET';
  at: string;
  /** Why it failed, when the span says (its status message or an `error.type`/`http.response.status_code` tag). */
  error?: string;
}

/** How many services are searched, traces opened per service, and spans kept in all. */
const MAX_SERVICES = 4;
const TRACES_PER_SERVICE = 3;
const MAX_SPANS = 6;

const errorOf = (tags: Record<string, string>) =>
  tags['otel.status_description'] ??
  tags['error.message'] ??
  tags['error.type'] ??
  (tags['http.response.status_code'] ? `HTTP ${tags['http.response.status_code']}` : undefined);

/**
 * The failing and the slowest spans of `services` between `from` and `to`, through the traces port (the spans
 * opspilot received, or Tempo): per service the traces with errors first, then the longest, opened to find that
 * service's own spans. Failing spans come before slow ones; at most six in all. Empty when there is no trace source
 * or it fails: traces corroborate a cause, they never stop an analysis.
 */
export async function spanEvidence(
  traces: TraceSource | undefined,
  clusterId: string | undefined,
  services: string[],
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<SlowSpan[]> {
  if (!traces || services.length === 0) return [];
  const found: SlowSpan[] = [];
  for (const service of [...new Set(services)].slice(0, MAX_SERVICES)) {
    const summaries: Trace[] = await traces
      .search(
        {
          cluster_ids: clusterId ? [clusterId] : [],
          service_name: service,
          start_time: from,
          end_time: to,
          tags: {},
          limit: 50,
        },
        signal,
      )
      .catch(() => []);
    const worst = [...summaries]
      .sort((a, b) => Number(b.has_errors) - Number(a.has_errors) || b.duration_ms - a.duration_ms)
      .slice(0, TRACES_PER_SERVICE);
    for (const summary of worst) {
      const trace = await traces.getTrace(summary.trace_id, signal).catch(() => undefined);
      for (const span of trace?.spans ?? []) {
        if (span.service_name !== service) continue;
        found.push({
          trace_id: summary.trace_id,
          span_id: span.span_id,
          service,
          operation: span.operation_name,
          duration_ms: span.duration_ms,
          status: span.status,
          at: span.start_time,
          ...(span.status === 'ERROR' ? { error: errorOf(span.tags) ?? 'status ERROR' } : {}),
        });
      }
    }
  }
  const unique = new Map(found.map((s) => [`${s.trace_id}/${s.span_id}`, s]));
  return [...unique.values()]
    .sort((a, b) => Number(b.status === 'ERROR') - Number(a.status === 'ERROR') || b.duration_ms - a.duration_ms)
    .slice(0, MAX_SPANS);
}

/** One line for a span: `GET /api/todos of backend took 1840 ms, failed: HTTP 500 (trace 4bf9…, span 00f0…)`. */
export function describeSpan(s: SlowSpan): string {
  const failed = s.status === 'ERROR' ? `, failed: ${s.error ?? 'status ERROR'}` : '';
  return `${s.operation} of ${s.service} took ${s.duration_ms} ms${failed} (trace ${s.trace_id}, span ${s.span_id})`;
}
