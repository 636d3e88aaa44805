import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTRPC } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageHeading } from '../components/PageHeading.js';
import { Panel } from '../components/Panel.js';
import { toneOf } from '../components/toneOf.js';

/** How often the live lists are read again from the server's watcher (it holds them in memory). */
const LIVE_INTERVAL_MS = 2_000;

/** One cluster: its live health and its pods as `kubectl get pods -A -o wide` shows them, kept current. */
export function ClusterPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const [filter, setFilter] = useState('');
  const status = useQuery({
    ...trpc.clusters.status.queryOptions({ id }),
    refetchInterval: LIVE_INTERVAL_MS,
  });
  const pods = useQuery({
    ...trpc.fleet.list.queryOptions({ cluster: id, kind: 'pods' }),
    refetchInterval: LIVE_INTERVAL_MS,
  });
  const report = status.data?.report;
  const table = pods.data?.table;
  const rows = (table?.rows ?? []).filter((row) => row.join(' ').includes(filter));
  return (
    <>
      <PageHeading title={status.data?.name ?? 'Cluster'}>Live health and pods of this cluster.</PageHeading>
      <ErrorNotice error={status.error ?? pods.error} />
      {report ? (
        <Panel title="Health">
          <dl className="grid grid-cols-2 gap-x-2 text-sm sm:grid-cols-4" aria-label="Health">
            <dt>State</dt>
            <dd>
              <Badge tone={toneOf(report.status.state)}>{report.status.state}</Badge>
            </dd>
            <dt>Health score</dt>
            <dd data-testid="cluster-score">
              {report.status.health_score !== undefined ? `${report.status.health_score}/100` : 'not measured'}
            </dd>
            <dt>Nodes Ready</dt>
            <dd>
              {report.counts.nodes_ready}/{report.counts.nodes}
            </dd>
            <dt>Pods healthy</dt>
            <dd>
              {report.counts.pods_healthy}/{report.counts.pods}
            </dd>
            {report.status.last_error ? (
              <>
                <dt>Last error</dt>
                <dd className="col-span-3 break-words">{report.status.last_error}</dd>
              </>
            ) : null}
          </dl>
        </Panel>
      ) : null}
      <Panel title="Pods">
        <label className="mb-2 block text-sm">
          Filter{' '}
          <input
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
        {pods.isPending ? <p>Loading pods…</p> : null}
        {table ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left font-mono text-xs" aria-label="Pods">
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col" className="px-2 py-1">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row[0]}/${row[1]}`} className="border-t border-slate-200 dark:border-slate-700">
                    {row.map((cell, i) => (
                      <td key={table.columns[i]} className="px-2 py-1">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Panel>
    </>
  );
}
