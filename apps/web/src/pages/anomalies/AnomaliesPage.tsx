import type { AnomalySeverity } from '@opspilot/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { Panel } from '../../components/Panel.js';
import { AnomalyChart } from './AnomalyChart.js';
import { AnomalyTable } from './AnomalyTable.js';

const PAGE_SIZE = 50;
const SEVERITIES = ['', 'HIGH', 'MEDIUM', 'LOW'] as const;
const fieldClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/**
 * Anomalies the anomaly scan found on the series that matter: filters (severity, namespace), the table of matching
 * anomalies with their explanations, refreshed every few seconds, and the chart of the selected one (`?id=` in the
 * address, so a link can point at one anomaly) with the moment of detection marked.
 */
export function AnomaliesPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('');
  const [namespace, setNamespace] = useState('');
  const anomalies = useQuery({
    ...trpc.anomalies.list.queryOptions({
      page,
      page_size: PAGE_SIZE,
      severity: severity ? [severity as AnomalySeverity] : [],
      anomaly_type: [],
      ...(namespace.trim() ? { namespace: namespace.trim() } : {}),
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const selected = params.get('id') ?? undefined;
  return (
    <>
      <PageHeading title="Anomalies">
        Spikes, drops, trend changes and broken daily patterns found on CPU, memory, restarts, requests, errors and
        latency, with how far each is from normal.
      </PageHeading>
      <div className="space-y-6">
        <Panel title="Filters">
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              Severity
              <select
                className={fieldClass}
                value={severity}
                onChange={(e) => {
                  setSeverity(e.target.value as typeof severity);
                  setPage(1);
                }}
              >
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s || 'any'}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2">
              Namespace
              <input
                className={fieldClass}
                placeholder="todo"
                value={namespace}
                onChange={(e) => {
                  setNamespace(e.target.value);
                  setPage(1);
                }}
              />
            </label>
          </div>
        </Panel>
        {selected ? (
          <Panel title="Series">
            <AnomalyChart id={selected} />
          </Panel>
        ) : null}
        <Panel title="Anomalies">
          <ErrorNotice error={anomalies.error} />
          {anomalies.data ? (
            <AnomalyTable anomalies={anomalies.data.items} selected={selected} onSelect={(id) => setParams({ id })} />
          ) : (
            <p>Loading…</p>
          )}
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <span data-testid="anomaly-count">{anomalies.data ? `${anomalies.data.total} anomalies` : ''}</span>
            <Pagination page={page} totalPages={anomalies.data?.total_pages ?? 1} onPage={setPage} />
          </div>
        </Panel>
      </div>
    </>
  );
}
