import { Panel } from '../../components/Panel.js';
import { TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { formatMetric, seriesLabel } from '../metrics/formatMetric.js';

/** The answer to a metrics question as `ops.ask` returns it. */
export interface MetricsAnswerData {
  understood: string;
  answer: {
    status: string;
    named?: { title: string; unit: string; top: boolean } | undefined;
    results: {
      cluster_id: string;
      status: string;
      error?: string | undefined;
      data: { metric: Record<string, string>; values: [number, string][] }[];
    }[];
  };
}

/** A metrics question answered with numbers: a table of the latest values, or a chart of the window asked about. */
export function MetricsAnswer({ answer }: { answer: MetricsAnswerData }) {
  const unit = answer.answer.named?.unit;
  const series = answer.answer.results.flatMap((r) =>
    r.data.map((s) => ({ label: seriesLabel(s.metric), values: s.values })),
  );
  const ranged = series.some((s) => s.values.length > 1);
  return (
    <Panel title={answer.understood}>
      {ranged ? (
        <TimeSeriesChart title={answer.understood} series={series} format={(v) => formatMetric(v, unit)} />
      ) : (
        <table aria-label="Metric values" className="w-full text-left text-sm">
          <tbody>
            {series.map((s) => (
              <tr key={s.label} className="border-t border-slate-100 dark:border-slate-800">
                <td className="font-mono text-xs">{s.label}</td>
                <td className="text-right">{formatMetric(Number(s.values.at(-1)?.[1]), unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {series.length === 0 ? <p className="text-sm">No values yet.</p> : null}
      {answer.answer.results
        .filter((r) => r.error)
        .map((r) => (
          <p key={r.cluster_id} className="text-sm text-amber-700 dark:text-amber-300">
            {r.status}: {r.error}
          </p>
        ))}
    </Panel>
  );
}
