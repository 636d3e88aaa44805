import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { type ChartSeries, TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { formatMetric } from '../metrics/formatMetric.js';

type Charts = NonNullable<ReturnType<typeof useChartsQuery>['data']>;

function useChartsQuery(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.incidents.charts.queryOptions({ id }));
}

/** One signal's chart: its series of the incident's objects, with the anomalies, detection and resolution marked. */
function SignalChart({ chart }: { chart: Charts['charts'][number] }) {
  const series = useMemo<ChartSeries[]>(() => chart.series, [chart.series]);
  const format = useMemo(() => (v: number) => formatMetric(v, chart.unit), [chart.unit]);
  if (chart.series.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {chart.title}: no chart ({chart.note ?? 'no series'}).
      </p>
    );
  return <TimeSeriesChart title={chart.title} series={series} markers={chart.markers} format={format} />;
}

/**
 * The signal charts of an incident (the series its anomalies and causes are seen in, for its own pods, workloads or
 * nodes, from half an hour before it was detected), drawn with the metrics pages' chart. Refreshed with the incident.
 */
export function IncidentCharts({ id }: { id: string }) {
  const charts = useChartsQuery(id);
  if (charts.error) return <ErrorNotice error={charts.error} />;
  if (!charts.data) return <p className="text-sm">Loading the signals…</p>;
  if (charts.data.charts.length === 0) return <p className="text-sm">No signal to chart.</p>;
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="incident-charts">
      {charts.data.charts.map((c) => (
        <SignalChart key={c.signal} chart={c} />
      ))}
    </div>
  );
}
