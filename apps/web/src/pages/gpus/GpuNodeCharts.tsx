import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { gpuSeriesOf } from './gpuSeries.js';

const CHARTS = [
  { name: 'gpu-utilization', title: 'Utilisation', format: (v: number) => `${v.toFixed(0)} %` },
  { name: 'gpu-memory-used', title: 'Memory used', format: (v: number) => `${(v / 1024).toFixed(1)} GiB` },
  { name: 'gpu-temperature', title: 'Temperature', format: (v: number) => `${v.toFixed(0)} °C` },
  { name: 'gpu-power', title: 'Power draw', format: (v: number) => `${v.toFixed(0)} W` },
] as const;

/** The window moves on every 15 s (dcgm-exporter's collection interval). */
const REFRESH_MS = 15_000;

function GpuChart({
  clusterId,
  node,
  chart,
  window,
}: {
  clusterId: string;
  node: string;
  chart: (typeof CHARTS)[number];
  window: { start_time: string; end_time: string };
}) {
  const trpc = useTRPC();
  const answer = useQuery(
    trpc.metrics.named.queryOptions({
      name: chart.name,
      cluster_ids: [clusterId],
      ...window,
      step: '30s',
      limit: 10,
      timeout: 30,
    }),
  );
  const series = useMemo(() => gpuSeriesOf(answer.data, node), [answer.data, node]);
  const failure = answer.data?.results.find((r) => r.error);
  const title = `${node} · ${chart.title}`;
  return (
    <div className="space-y-1">
      <ErrorNotice error={answer.error} />
      {series.length > 0 ? (
        <TimeSeriesChart title={title} series={series} format={chart.format} height={200} />
      ) : (
        <p className="text-sm">{answer.data ? `No data yet for ${title}.` : `Loading ${title}…`}</p>
      )}
      {failure ? (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
          {failure.status}: {failure.error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A GPU node's last 30 minutes as uPlot charts, one line per GPU: utilisation, framebuffer used, temperature and
 * power, from the dcgm named queries (the cluster's Prometheus or the built-in sampler).
 */
export function GpuNodeCharts({
  clusterId,
  node,
  minutes = 30,
}: {
  clusterId: string;
  node: string;
  minutes?: number;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const window = useMemo(
    () => ({ start_time: new Date(now - minutes * 60_000).toISOString(), end_time: new Date(now).toISOString() }),
    [minutes, now],
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {CHARTS.map((chart) => (
        <GpuChart key={chart.name} clusterId={clusterId} node={node} chart={chart} window={window} />
      ))}
    </div>
  );
}
