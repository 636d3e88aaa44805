/** A span as the waterfall needs it (a subset of seed 003 §3.6 Span). */
export interface WaterfallSpan {
  span_id: string;
  parent_span_id?: string;
  service_name: string;
  operation_name: string;
  start_time: string;
  duration_ms: number;
  status: string;
  tags: Record<string, string>;
}

/** One row of the waterfall: the span, its depth in the tree, and its bar as percentages of the trace. */
export interface WaterfallRow {
  span: WaterfallSpan;
  depth: number;
  offsetPct: number;
  widthPct: number;
}

/**
 * The spans of a trace in tree order (parents before children, siblings by start; a span whose parent is missing is
 * a root), each placed on the trace's timeline from `traceStart` over `traceMs` (bars at least 0.5% wide).
 */
export function waterfallRows(spans: WaterfallSpan[], traceStart: string, traceMs: number): WaterfallRow[] {
  const ids = new Set(spans.map((s) => s.span_id));
  const children = new Map<string | undefined, WaterfallSpan[]>();
  for (const span of spans) {
    const parent = span.parent_span_id && ids.has(span.parent_span_id) ? span.parent_span_id : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const start = Date.parse(traceStart);
  const total = Math.max(traceMs, 1);
  const rows: WaterfallRow[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) => a.start_time.localeCompare(b.start_time));
    for (const span of level) {
      const offsetPct = Math.min(99.5, Math.max(0, ((Date.parse(span.start_time) - start) / total) * 100));
      const widthPct = Math.max(0.5, Math.min(100 - offsetPct, (span.duration_ms / total) * 100));
      rows.push({ span, depth, offsetPct, widthPct });
      walk(span.span_id, depth + 1);
    }
  };
  walk(undefined, 0);
  return rows;
}
