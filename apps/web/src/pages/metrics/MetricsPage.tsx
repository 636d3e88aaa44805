import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { type ChartSeries, TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { seriesLabel } from './formatMetric.js';
import { NamedChart } from './NamedChart.js';

const RANGES = [15, 60, 360] as const;
const fieldClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** A PromQL range query across the clusters that have a Prometheus, charted with each cluster's status. */
function PromQLExplorer({ clusterIds }: { clusterIds: string[] }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState('sum by (namespace) (rate(container_cpu_usage_seconds_total[2m]))');
  const [asked, setAsked] = useState<{ query: string; start_time: string; end_time: string } | undefined>();
  const [minutes, setMinutes] = useState<number>(60);
  const answer = useQuery({
    ...trpc.metrics.federated.queryOptions({
      query: asked?.query ?? 'up',
      cluster_ids: clusterIds,
      start_time: asked?.start_time,
      end_time: asked?.end_time,
      step: minutes > 60 ? '5m' : '30s',
      timeout: 30,
    }),
    enabled: asked !== undefined,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const end = new Date();
    setAsked({
      query: draft.trim(),
      start_time: new Date(end.getTime() - minutes * 60_000).toISOString(),
      end_time: end.toISOString(),
    });
  };
  const series: ChartSeries[] = useMemo(
    () => (answer.data?.series ?? []).map((s) => ({ label: seriesLabel(s.metric), values: s.values })),
    [answer.data],
  );
  return (
    <Panel title="PromQL">
      <form onSubmit={submit} className="mb-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex min-w-[24rem] flex-1 flex-col gap-1 font-medium">
          PromQL query
          <input className={`${fieldClass} font-mono`} value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 font-medium">
          Range
          <select className={fieldClass} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {RANGES.map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m}m` : `${m / 60}h`}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">Run</Button>
      </form>
      <ErrorNotice error={answer.error} />
      {answer.data ? (
        <div className="space-y-2">
          <p className="text-sm" role="status">
            {answer.data.status}: {answer.data.results.map((r) => `${r.cluster_name} ${r.status}`).join(', ')}
          </p>
          {answer.data.results
            .filter((r) => r.error)
            .map((r) => (
              <p key={r.cluster_id} className="text-sm text-amber-700 dark:text-amber-300">
                {r.error}
              </p>
            ))}
          {series.length > 0 ? (
            <TimeSeriesChart title={answer.data.query} series={series} />
          ) : (
            <p className="text-sm">No series.</p>
          )}
        </div>
      ) : null}
    </Panel>
  );
}

/**
 * The metrics explorer: a PromQL box when some cluster has a Prometheus (its endpoint or `prometheus.url`), and the
 * named queries (answered by the built-in sampler where there is no Prometheus) as charts across clusters.
 */
export function MetricsPage() {
  const trpc = useTRPC();
  const catalog = useQuery(trpc.metrics.catalog.queryOptions());
  const [name, setName] = useState('node-cpu');
  const [app, setApp] = useState('backend');
  const withPrometheus = (catalog.data?.clusters ?? []).filter((c) => c.prometheus).map((c) => c.cluster_id);
  const chosen = catalog.data?.named.find((q) => q.name === name);
  return (
    <>
      <PageHeading title="Metrics">
        CPU, memory, restarts, request and error rates across clusters. PromQL needs a Prometheus; without one,
        opspilot's built-in sampler answers the named queries.
      </PageHeading>
      <ErrorNotice error={catalog.error} />
      <div className="space-y-6">
        {withPrometheus.length > 0 ? <PromQLExplorer clusterIds={withPrometheus} /> : null}
        <Panel title="Named queries">
          <div className="mb-3 flex flex-wrap items-end gap-3 text-sm">
            <label className="flex flex-col gap-1 font-medium">
              Query
              <select className={fieldClass} value={name} onChange={(e) => setName(e.target.value)}>
                {(catalog.data?.named ?? []).map((q) => (
                  <option key={q.name} value={q.name}>
                    {q.title}
                  </option>
                ))}
              </select>
            </label>
            {chosen?.needs_app ? (
              <label className="flex flex-col gap-1 font-medium">
                Workload
                <input className={fieldClass} value={app} onChange={(e) => setApp(e.target.value)} />
              </label>
            ) : null}
          </div>
          {catalog.data ? <NamedChart name={name} clusterIds={[]} {...(chosen?.needs_app ? { app } : {})} /> : null}
        </Panel>
      </div>
    </>
  );
}
