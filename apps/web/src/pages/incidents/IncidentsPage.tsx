import type { IncidentStatus } from '@opspilot/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Pagination } from '../../components/Pagination.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';
import { PHASE } from './phaseOf.js';
import { RecurringBadge } from './RecurringBadge.js';

const ACTIVE: IncidentStatus[] = ['DETECTED', 'INVESTIGATING', 'MITIGATING'];
const fieldClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';
const RECURRING = { '': undefined, true: true, false: false } as const;
type Recurring = keyof typeof RECURRING;

/**
 * Incidents correlated from alerts, anomalies and findings: active ones by default (or every one), newest first, with
 * severity, phase, owner, when detected and when their cause was first seen ("recurring ×N" when it came back after
 * being resolved); each links to its page. "Recurring" narrows the list to incidents whose cause came back (or to first
 * occurrences), as `GET /incidents?recurring=` and `opspilot incidents --recurring` do. Both filters live in the URL
 * (`#/incidents?show=all&recurring=true`), so a filtered list can be linked to and survives a reload. Refreshed on INCIDENT_* live
 * events.
 */
export function IncidentsPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [params, setParams] = useSearchParams();
  const which: 'active' | 'all' = params.get('show') === 'all' ? 'all' : 'active';
  const given = params.get('recurring') ?? '';
  const recurring: Recurring = given === 'true' || given === 'false' ? given : '';
  const setParam = (name: string, value: string, fallback: string) => {
    setPage(1);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === fallback) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };
  const incidents = useQuery({
    ...trpc.incidents.list.queryOptions({
      page,
      page_size: 50,
      status: which === 'active' ? ACTIVE : [],
      severity: [],
      ...(RECURRING[recurring] === undefined ? {} : { recurring: RECURRING[recurring] }),
    }),
    placeholderData: keepPreviousData,
  });
  const items = incidents.data?.items ?? [];
  return (
    <>
      <PageHeading title="Incidents">
        Problems correlated from alerts, anomalies and findings — one per workload, Service or node, not one per pod.
      </PageHeading>
      <Panel
        title="Incidents"
        actions={
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <label className="flex items-center gap-2">
              Show
              <select className={fieldClass} value={which} onChange={(e) => setParam('show', e.target.value, 'active')}>
                <option value="active">active</option>
                <option value="all">all</option>
              </select>
            </label>
            <label className="flex items-center gap-2">
              Recurring
              <select
                className={fieldClass}
                value={recurring}
                onChange={(e) => setParam('recurring', e.target.value, '')}
              >
                <option value="">any</option>
                <option value="true">recurring only</option>
                <option value="false">first occurrences</option>
              </select>
            </label>
          </div>
        }
      >
        <ErrorNotice error={incidents.error} />
        {incidents.data && items.length === 0 ? <p className="text-sm">No incidents.</p> : null}
        {items.length > 0 ? (
          <div className="overflow-x-auto">
            <table aria-label="Incidents" className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-700">
                  {['Severity', 'Status', 'Title', 'Owner', 'Detected', 'First seen'].map((h) => (
                    <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.id} className="border-b border-slate-100 dark:border-slate-800">
                    <td className="px-2 py-1.5">
                      <Badge tone={toneOf(i.severity)}>{i.severity}</Badge>
                    </td>
                    <td className="px-2 py-1.5">{PHASE[i.status]}</td>
                    <td className="px-2 py-1.5">
                      <Link className="underline" to={`/incidents/${i.id}`}>
                        {i.title}
                      </Link>{' '}
                      <RecurringBadge incident={i} />
                    </td>
                    <td className="px-2 py-1.5">{i.acknowledged_by ?? '-'}</td>
                    <td className="px-2 py-1.5 whitespace-nowrap">{i.detected_at.replace('T', ' ').slice(0, 19)}</td>
                    <td className="px-2 py-1.5 whitespace-nowrap">
                      {i.first_seen ? i.first_seen.replace('T', ' ').slice(0, 19) : '-'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="mt-3 flex justify-end">
          <Pagination page={page} totalPages={incidents.data?.total_pages ?? 1} onPage={setPage} />
        </div>
      </Panel>
    </>
  );
}
