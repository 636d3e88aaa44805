import { useState } from 'react';
import { Badge } from '../../components/Badge.js';
import { type WaterfallSpan, waterfallRows } from './waterfallRows.js';

/** A trace as the waterfall shows it. */
export interface WaterfallTrace {
  trace_id: string;
  start_time: string;
  duration_ms: number;
  spans: WaterfallSpan[];
}

/**
 * The spans of one trace as a waterfall: a row per span in tree order (service and operation indented by depth, its
 * duration) with a bar placed on the trace's timeline, red for a failed span. Selecting a span shows its tags.
 */
export function TraceWaterfall({ trace }: { trace: WaterfallTrace }) {
  const rows = waterfallRows(trace.spans, trace.start_time, trace.duration_ms);
  const [selected, setSelected] = useState<string | undefined>();
  const chosen = rows.find((r) => r.span.span_id === selected)?.span;
  return (
    <div>
      <ol aria-label="Span waterfall" className="space-y-0.5 text-xs">
        {rows.map(({ span, depth, offsetPct, widthPct }) => (
          <li key={span.span_id} data-status={span.status}>
            <button
              type="button"
              className="grid w-full grid-cols-[minmax(16rem,2fr)_4.5rem_3fr] items-center gap-2 rounded px-1 py-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
              aria-pressed={selected === span.span_id}
              onClick={() => setSelected(selected === span.span_id ? undefined : span.span_id)}
            >
              <span className="truncate" style={{ paddingLeft: `${depth * 1.25}rem` }}>
                <span className="font-semibold">{span.service_name}</span> {span.operation_name}
              </span>
              <span className="text-right tabular-nums">{span.duration_ms} ms</span>
              <span className="relative h-3 rounded bg-slate-100 dark:bg-slate-800">
                <span
                  data-testid="span-bar"
                  className={`absolute top-0 h-3 rounded ${span.status === 'ERROR' ? 'bg-red-500' : 'bg-sky-500'}`}
                  style={{ left: `${offsetPct}%`, width: `${widthPct}%` }}
                />
              </span>
            </button>
          </li>
        ))}
      </ol>
      {chosen ? (
        <section
          aria-label="Span details"
          className="mt-3 rounded border border-slate-200 p-2 text-xs dark:border-slate-700"
        >
          <p className="mb-1 font-semibold">
            {chosen.service_name}: {chosen.operation_name}{' '}
            <Badge tone={chosen.status === 'ERROR' ? 'bad' : 'neutral'}>{chosen.status}</Badge>
          </p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3">
            {Object.entries(chosen.tags).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-mono text-slate-500">{k}</dt>
                <dd className="font-mono break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
