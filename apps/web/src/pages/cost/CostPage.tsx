import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { TimeSeriesChart } from '../../components/TimeSeriesChart.js';
import { ClusterSelect } from '../ClusterSelect.js';
import { BudgetsPanel } from './BudgetsPanel.js';
import { costSeries, money } from './costSeries.js';

const td = 'px-2 py-1 align-top';
const input = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/**
 * The cost optimizer: cost per namespace and per workload over time (uPlot), allocation tables, recommendations with
 * "Plan it" (a reviewed operation), and budgets with their spend and forecast.
 */
export function CostPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [clusterId, setClusterId] = useState('');
  const [since, setSince] = useState('1h');
  const [step, setStep] = useState('1m');
  const [minHistory, setMinHistory] = useState('24h');
  const clusters = clusterId ? [clusterId] : [];
  const byNamespace = useQuery({
    ...trpc.costOptimizer.allocation.queryOptions({ cluster_ids: clusters, aggregate: 'namespace', since, step }),
    enabled: clusterId !== '',
    refetchInterval: 30_000,
  });
  const byWorkload = useQuery({
    ...trpc.costOptimizer.allocation.queryOptions({ cluster_ids: clusters, aggregate: 'workload', since, step }),
    enabled: clusterId !== '',
  });
  const recommendations = useQuery({
    ...trpc.costOptimizer.recommendations.queryOptions({
      cluster_ids: clusters,
      window: since,
      step,
      min_history: minHistory,
    }),
    enabled: clusterId !== '',
    // Usage history grows while the page is open: look again now and then.
    refetchInterval: 20_000,
  });
  const plan = useMutation(
    trpc.costOptimizer.applyRecommendation.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.ops.pathKey() }),
    }),
  );
  const currency = byNamespace.data?.currency ?? 'USD';
  const hours = byNamespace.data ? (byNamespace.data.window.steps * byNamespace.data.window.stepSeconds) / 3600 : 0;
  return (
    <>
      <PageHeading title="Cost">
        What each namespace and workload costs (the larger of request and usage, at each node's price), what can be
        saved, and whether the budgets hold. Applying a recommendation goes through review.
      </PageHeading>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end gap-4">
          <ClusterSelect value={clusterId} onChange={setClusterId} />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Window
            <select className={input} value={since} onChange={(e) => setSince(e.target.value)}>
              {['1h', '6h', '24h', '7d', '30d'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Step
            <select className={input} value={step} onChange={(e) => setStep(e.target.value)}>
              {['15s', '1m', '5m', '1h', '1d'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Minimum history
            <select className={input} value={minHistory} onChange={(e) => setMinHistory(e.target.value)}>
              {['1m', '10m', '1h', '24h', '7d'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        </div>
        <ErrorNotice error={byNamespace.error ?? byWorkload.error} />
        <Panel title="Cost per namespace">
          {byNamespace.data && byNamespace.data.rows.length > 0 ? (
            <TimeSeriesChart
              title="Cost per namespace"
              series={costSeries(byNamespace.data.window, byNamespace.data.rows)}
              format={(v) => v.toFixed(5)}
              height={220}
            />
          ) : (
            <p className="text-sm">{byNamespace.isLoading ? 'Loading…' : 'No cost yet.'}</p>
          )}
          <table aria-label="Cost per namespace" className="mt-3 w-full text-sm">
            <thead>
              <tr className="text-left">
                {['Namespace', 'CPU', 'Memory', 'Volumes', 'LoadBalancers', 'Total', 'Per month'].map((h) => (
                  <th key={h} className={td}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byNamespace.data?.rows.map((r) => (
                <tr key={`${r.cluster_id}/${r.key}`} className="border-t border-slate-200 dark:border-slate-700">
                  <td className={`${td} font-mono`}>{r.key === '__idle__' ? 'idle (not requested)' : r.key}</td>
                  <td className={td}>{money(r.cpu_cost, currency)}</td>
                  <td className={td}>{money(r.memory_cost, currency)}</td>
                  <td className={td}>{money(r.pv_cost, currency)}</td>
                  <td className={td}>{money(r.lb_cost, currency)}</td>
                  <td className={td}>{money(r.total_cost, currency)}</td>
                  <td className={td}>{hours > 0 ? money((r.total_cost / hours) * 730, currency) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Panel>
        <Panel title="Cost per workload">
          {byWorkload.data && byWorkload.data.rows.length > 0 ? (
            <TimeSeriesChart
              title="Cost per workload"
              series={costSeries(
                byWorkload.data.window,
                byWorkload.data.rows.filter((r) => r.key !== '__idle__'),
              )}
              format={(v) => v.toFixed(5)}
              height={220}
            />
          ) : (
            <p className="text-sm">{byWorkload.isLoading ? 'Loading…' : 'No cost yet.'}</p>
          )}
        </Panel>
        <Panel title="Recommendations">
          <ErrorNotice error={recommendations.error ?? plan.error} />
          {plan.data ? (
            <p data-testid="planned" className="mb-2 text-sm">
              Planned: operation <span className="font-mono">{plan.data.operation.id.slice(0, 8)}</span>{' '}
              <Badge tone="warn">{plan.data.operation.state}</Badge> —{' '}
              <Link className="underline" to="/reviews">
                review it
              </Link>
            </p>
          ) : null}
          <table aria-label="Cost recommendations" className="w-full text-sm">
            <thead>
              <tr className="text-left">
                {['Type', 'Resource', 'What', 'Saves per month', 'Confidence', ''].map((h) => (
                  <th key={h} className={td}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {recommendations.data?.items.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 dark:border-slate-700">
                  <td className={td}>
                    <Badge tone="info">{r.type}</Badge>
                  </td>
                  <td className={`${td} font-mono`}>
                    {r.resource.kind}/{r.resource.namespace ? `${r.resource.namespace}/` : ''}
                    {r.resource.name}
                  </td>
                  <td className={td}>{r.description}</td>
                  <td className={td}>{money(r.estimated_monthly_savings, r.currency)}</td>
                  <td className={td}>{Math.round(r.confidence * 100)} %</td>
                  <td className={td}>
                    {r.type === 'RIGHTSIZE' ? (
                      <Button disabled={plan.isPending} onClick={() => plan.mutate({ id: r.id })}>
                        Plan it
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {recommendations.data?.insufficient.length ? (
            <ul aria-label="Not enough data" className="mt-3 list-disc pl-6 text-sm">
              {recommendations.data.insufficient.slice(0, 20).map((x) => (
                <li key={`${x.cluster_id}/${x.namespace}/${x.workload}/${x.container}`}>
                  <span className="font-mono">
                    {x.namespace}/{x.workload} {x.container}
                  </span>
                  : {x.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </Panel>
        <BudgetsPanel clusterId={clusterId} />
      </div>
    </>
  );
}
