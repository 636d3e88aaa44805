import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { Panel } from '../../components/Panel.js';
import { AlertHistoryPanel } from './AlertHistoryPanel.js';
import { AlertTable } from './AlertTable.js';
import { AlertTimeline } from './AlertTimeline.js';

const PAGE_SIZE = 50;
const WINDOWS = { '1h': 3_600_000, '6h': 21_600_000, '24h': 86_400_000, '7d': 604_800_000 } as const;
type Window = keyof typeof WINDOWS;
const STATES = ['', 'FIRING', 'RESOLVED', 'PENDING'] as const;
const SEVERITIES = ['', 'CRITICAL', 'WARNING', 'INFO'] as const;

const fieldClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/**
 * Alerts received from Alertmanager: filters (state, severity, a `name=value` label, time window), a timeline of the
 * window and the table of matching alerts, refreshed every few seconds; an alert's name opens its firing history
 * (`?alert=<id>`): each fire, resolve and re-fire on a timeline.
 */
export function AlertsPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<(typeof STATES)[number]>('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('');
  const [label, setLabel] = useState('');
  const [window, setWindow] = useState<Window>('24h');
  // The window is re-anchored on each refresh so firing alerts grow to "now".
  const [now, setNow] = useState(() => new Date());
  const [params, setParams] = useSearchParams();
  const selected = params.get('alert') ?? undefined;
  const select = (id: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('alert', id);
        else next.delete('alert');
        return next;
      },
      { replace: true },
    );
  const since = new Date(now.getTime() - WINDOWS[window]).toISOString();
  const validLabel = /^[^=\s]+=.*$/.test(label.trim());
  const alerts = useQuery({
    ...trpc.alerts.list.queryOptions({
      page,
      page_size: PAGE_SIZE,
      state: state ? [state] : [],
      severity: severity ? [severity] : [],
      label: validLabel ? [label.trim()] : [],
      since,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const reset = () => setPage(1);
  return (
    <>
      <PageHeading title="Alerts">What Alertmanager told opspilot, across the fleet.</PageHeading>
      <div className="space-y-6">
        <Panel
          title="Filters"
          actions={
            <button type="button" className="text-sm underline" onClick={() => setNow(new Date())}>
              Refresh window
            </button>
          }
        >
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              State
              <select
                className={fieldClass}
                value={state}
                onChange={(e) => {
                  setState(e.target.value as typeof state);
                  reset();
                }}
              >
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {s || 'any'}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2">
              Severity
              <select
                className={fieldClass}
                value={severity}
                onChange={(e) => {
                  setSeverity(e.target.value as typeof severity);
                  reset();
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
              Label
              <input
                className={fieldClass}
                placeholder="namespace=todo"
                value={label}
                onChange={(e) => {
                  setLabel(e.target.value);
                  reset();
                }}
              />
            </label>
            <label className="flex items-center gap-2">
              Window
              <select
                className={fieldClass}
                value={window}
                onChange={(e) => {
                  setWindow(e.target.value as Window);
                  setNow(new Date());
                  reset();
                }}
              >
                {Object.keys(WINDOWS).map((w) => (
                  <option key={w} value={w}>
                    last {w}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {label.trim() && !validLabel ? (
            <p className="mt-2 text-sm text-amber-700">Write the label as name=value.</p>
          ) : null}
        </Panel>
        <Panel title="Timeline">
          {alerts.data ? (
            <AlertTimeline
              alerts={alerts.data.items}
              from={new Date(since)}
              to={new Date(Math.max(now.getTime(), Date.now()))}
            />
          ) : null}
        </Panel>
        <Panel title="Alerts">
          <ErrorNotice error={alerts.error} />
          {alerts.data ? <AlertTable alerts={alerts.data.items} onSelect={select} /> : <p>Loading…</p>}
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <span data-testid="alert-count">{alerts.data ? `${alerts.data.total} alerts` : ''}</span>
            <Pagination page={page} totalPages={alerts.data?.total_pages ?? 1} onPage={setPage} />
          </div>
        </Panel>
        {selected ? <AlertHistoryPanel alertId={selected} onClose={() => select(undefined)} /> : null}
      </div>
    </>
  );
}
