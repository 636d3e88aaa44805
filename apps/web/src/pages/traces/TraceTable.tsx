import { Badge } from '../../components/Badge.js';

/** A trace search result as the table shows it. */
export interface TraceRow {
  trace_id: string;
  root_service?: string;
  root_operation?: string;
  cluster_name?: string;
  start_time: string;
  duration_ms: number;
  span_count: number;
  service_count: number;
  has_errors: boolean;
}

/** Trace search results, newest first; a trace id opens the trace below. */
export function TraceTable({ traces, onOpen }: { traces: TraceRow[]; onOpen: (traceId: string) => void }) {
  if (traces.length === 0) return <p className="text-sm">No traces match.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Traces" className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {['Trace', 'Root', 'Cluster', 'Started', 'Duration', 'Spans', 'Services', 'Status'].map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {traces.map((t) => (
            <tr key={t.trace_id} className="border-b border-slate-100 dark:border-slate-800">
              <td className="px-2 py-1.5 font-mono text-xs">
                <button type="button" className="underline" onClick={() => onOpen(t.trace_id)}>
                  {t.trace_id.slice(0, 16)}
                </button>
              </td>
              <td className="px-2 py-1.5">
                {t.root_service ?? '?'}: {t.root_operation ?? '?'}
              </td>
              <td className="px-2 py-1.5">{t.cluster_name ?? '-'}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{t.start_time.replace('T', ' ').slice(0, 23)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{t.duration_ms} ms</td>
              <td className="px-2 py-1.5 text-right">{t.span_count}</td>
              <td className="px-2 py-1.5 text-right">{t.service_count}</td>
              <td className="px-2 py-1.5">
                <Badge tone={t.has_errors ? 'bad' : 'good'}>{t.has_errors ? 'errors' : 'ok'}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
