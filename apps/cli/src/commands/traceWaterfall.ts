import type { Span, Trace } from '@opspilot/core';
import { renderColumns } from '../renderOutput.js';

/** Width of the bar column of the waterfall, in characters. */
const BAR_WIDTH = 40;

/** The spans of a trace in tree order (parents before children, siblings by start), each with its depth. */
export function spanTree(spans: Span[]): { span: Span; depth: number }[] {
  const ids = new Set(spans.map((s) => s.span_id));
  const children = new Map<string | undefined, Span[]>();
  for (const span of spans) {
    const parent = span.parent_span_id && ids.has(span.parent_span_id) ? span.parent_span_id : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const out: { span: Span; depth: number }[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) => a.start_time.localeCompare(b.start_time));
    for (const span of level) {
      out.push({ span, depth });
      walk(span.span_id, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

/** One bar: where a span starts and how long it lasts on a line of {@link BAR_WIDTH} for the whole trace. */
function bar(span: Span, traceStart: number, traceMs: number): string {
  const scale = BAR_WIDTH / Math.max(traceMs, 1);
  const offset = Math.min(BAR_WIDTH - 1, Math.floor((Date.parse(span.start_time) - traceStart) * scale));
  const length = Math.max(1, Math.min(BAR_WIDTH - offset, Math.round(span.duration_ms * scale)));
  return `${' '.repeat(offset)}${(span.status === 'ERROR' ? '!' : '█').repeat(length)}`.padEnd(BAR_WIDTH);
}

/**
 * A trace as text: a header (id, cluster, root, duration, spans, errors), then one line per span in tree order —
 * service and operation indented by depth, duration, status, and a bar placing it on the trace's timeline (`!` for a
 * failed span).
 */
export function traceWaterfall(trace: Trace): string {
  const start = Date.parse(trace.start_time);
  const rows = spanTree(trace.spans).map(({ span, depth }) => [
    `${'  '.repeat(depth)}${span.service_name}: ${span.operation_name}`,
    `${span.duration_ms}ms`,
    span.status,
    `|${bar(span, start, trace.duration_ms)}|`,
  ]);
  const header = [
    `Trace:     ${trace.trace_id}`,
    `Cluster:   ${trace.cluster_name ?? '-'}`,
    `Root:      ${trace.root_service ?? '-'}: ${trace.root_operation ?? '-'}`,
    `Started:   ${trace.start_time}`,
    `Duration:  ${trace.duration_ms}ms`,
    `Spans:     ${trace.span_count} in ${trace.service_count} services${trace.has_errors ? ', with errors' : ''}`,
    '',
  ];
  return `${header.join('\n')}${renderColumns([['SPAN', 'DURATION', 'STATUS', 'TIMELINE'], ...rows])}\n`;
}
