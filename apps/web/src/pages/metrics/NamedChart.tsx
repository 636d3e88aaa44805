import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { type ChartSeries, TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { formatMetric, seriesLabel } from './formatMetric.js';

/** How often the chart's window moves on to now (and so asks again), as the sampler takes a sample every 15 s. */
const REFRESH_MS = 15_000;

/** What a named-query chart shows. */
export interface NamedChartProps {
  name: string;
  clusterIds: string[];
  app?: string;
  /** Only this namespace (per-workload queries of one workload). */
  namespace?: string;
  /** Minutes back (default 60). */
  minutes?: number;
  /** Asks the server for METRIC_UPDATE events of this query on this cluster, so the chart follows them. */
  watchCluster?: string;
}

/**
 * A named query over the last `minutes` as a chart (a top query as a table of its latest values), with each
 * cluster's failure said under it. Its window moves on every 15 s; METRIC_UPDATE events refresh it in between.
 */
export function NamedChart({ name, clusterIds, app, namespace, minutes = 60, watchCluster }: NamedChartProps) {
  const trpc = useTRPC();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const window = useMemo(
    () => ({ start_time: new Date(now - minutes * 60_000).toISOString(), end_time: new Date(now).toISOString() }),
    [minutes, now],
  );
  const answer = useQuery(
    trpc.metrics.named.queryOptions({
      name,
      cluster_ids: clusterIds,
      ...(app ? { app } : {}),
      ...(namespace ? { namespace } : {}),
      ...window,
      step: '1m',
      limit: 10,
      timeout: 30,
    }),
  );
  const watch = useMutation(trpc.metrics.watch.mutationOptions());
  const { mutate } = watch;
  useEffect(() => {
    if (watchCluster) mutate({ cluster_id: watchCluster, name, limit: 10, ...(app ? { app } : {}) });
  }, [watchCluster, name, app, mutate]);
  const data = answer.data;
  const unit = data?.named?.unit;
  const series: ChartSeries[] = useMemo(
    () =>
      (data?.results ?? []).flatMap((r) =>
        r.data.map((s) => ({
          label: seriesLabel(s.metric, (data?.results.length ?? 0) > 1 ? r.cluster_name : undefined),
          values: s.values,
        })),
      ),
    [data],
  );
  const format = useMemo(() => (v: number) => formatMetric(v, unit), [unit]);
  const title = data?.named?.title ?? name;
  const failures = (data?.results ?? []).filter((r) => r.error);
  return (
    <div className="space-y-2">
      <ErrorNotice error={answer.error} />
      {data?.named?.top ? (
        <table aria-label={title} className="w-full text-left text-sm">
          <caption className="mb-1 text-left font-medium">{title}</caption>
          <thead>
            <tr>
              <th>Series</th>
              <th className="text-right">Value</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.label} className="border-t border-slate-100 dark:border-slate-800">
                <td className="font-mono text-xs">{s.label}</td>
                <td className="text-right">{formatMetric(Number(s.values.at(-1)?.[1]), unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : data ? (
        series.length > 0 ? (
          <TimeSeriesChart title={title} series={series} format={format} />
        ) : (
          <p className="text-sm">No data yet for {title}.</p>
        )
      ) : (
        <p className="text-sm">Loading {name}…</p>
      )}
      {failures.map((r) => (
        <p key={r.cluster_id} role="status" className="text-sm text-amber-700 dark:text-amber-300">
          {r.status}: {r.error}
        </p>
      ))}
    </div>
  );
}
