import type { Operation } from '@opspilot/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Pagination } from '../../components/Pagination.js';
import { Panel } from '../../components/Panel.js';
import { toneOf } from '../../components/toneOf.js';

const STATES = ['NEEDS_REVIEW', 'APPROVED', 'APPLYING', 'APPLIED', 'FAILED', 'REJECTED', 'INVALID'] as const;

/**
 * Operations on the clusters the user may see, newest first, filtered by state (default: waiting for review), so an
 * approver can open one somebody else asked for. Refreshed live by `PLAN_STATE_CHANGED` events.
 */
export function OperationList({ onOpen }: { onOpen: (operation: Operation) => void }) {
  const trpc = useTRPC();
  const stateId = useId();
  const [state, setState] = useState<(typeof STATES)[number] | ''>('NEEDS_REVIEW');
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...trpc.ops.list.queryOptions({ state: state || undefined, page, page_size: 10 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Panel
      title="Operations"
      actions={
        <label htmlFor={stateId} className="flex items-center gap-2 text-sm">
          State
          <select
            id={stateId}
            value={state}
            onChange={(e) => {
              setState(e.target.value as typeof state);
              setPage(1);
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">any</option>
            {STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      }
    >
      <ErrorNotice error={list.error} />
      {list.data?.items.length === 0 ? <p className="text-sm">No operations in this state.</p> : null}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {list.data?.items.map((operation) => (
          <li key={operation.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
            <Badge tone={toneOf(operation.state)}>{operation.state}</Badge>
            <Badge tone={toneOf(operation.risk)}>{operation.risk}</Badge>
            <span className="min-w-48 flex-1">{operation.plan.summary}</span>
            <span className="text-slate-600 dark:text-slate-300">by {operation.proposed_by}</span>
            <Button variant="secondary" onClick={() => onOpen(operation)}>
              Open<span className="sr-only">: {operation.plan.summary}</span>
            </Button>
          </li>
        ))}
      </ul>
      {list.data && list.data.total_pages > 1 ? (
        <div className="mt-2">
          <Pagination page={page} totalPages={list.data.total_pages} onPage={setPage} />
        </div>
      ) : null}
    </Panel>
  );
}
