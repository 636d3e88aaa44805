import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { type ChartMarker, type ChartSeries, TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { formatMetric } from '../metrics/formatMetric.js';
import { anomalySubject } from './AnomalyTable.js';

/**
 * The series an anomaly was found on, from an hour before it to half an hour after (or now), with the moment of
 * detection marked, and the plain-words explanation above it.
 */
export function AnomalyChart({ id }: { id: string }) {
  const trpc = useTRPC();
  const answer = useQuery(trpc.anomalies.series.queryOptions({ id, before: 60, after: 30 }));
  const data = answer.data;
  const series = useMemo<ChartSeries[]>(
    () => (data ? [{ label: anomalySubject(data.anomaly), values: data.points.map(([t, v]) => [t, String(v)]) }] : []),
    [data],
  );
  const markers = useMemo<ChartMarker[]>(
    () =>
      data
        ? [{ time: Date.parse(data.anomaly.detected_at) / 1000, label: data.anomaly.anomaly_type.replace('_', ' ') }]
        : [],
    [data],
  );
  const format = useMemo(() => (v: number) => formatMetric(v, data?.unit), [data?.unit]);
  if (answer.error) return <ErrorNotice error={answer.error} />;
  if (!data) return <p className="text-sm">Loading the series…</p>;
  return (
    <div className="space-y-3" data-testid="anomaly-detail">
      <p className="text-sm">{data.anomaly.explanation}</p>
      {data.points.length > 0 ? (
        <TimeSeriesChart
          title={`${data.title} of ${anomalySubject(data.anomaly)}`}
          series={series}
          markers={markers}
          format={format}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">No chart: {data.note}.</p>
      )}
    </div>
  );
}
