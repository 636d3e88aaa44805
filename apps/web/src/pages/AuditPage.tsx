import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageHeading } from '../components/PageHeading.js';
import { Pagination } from '../components/Pagination.js';
import { Panel } from '../components/Panel.js';
import { AuditTable } from './AuditTable.js';
import { ChainVerification } from './ChainVerification.js';

const PAGE_SIZE = 20;

/** The tamper-evident audit log: newest first, filtered by action, paged, with a check of the hash chain. */
export function AuditPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const entries = useQuery({
    ...trpc.audit.list.queryOptions({ page, page_size: PAGE_SIZE, action: action.trim() || undefined }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeading title="Audit log">Every change and who made it, hash-chained so tampering shows.</PageHeading>
      <div className="space-y-6">
        <ChainVerification />
        <Panel
          title="Entries"
          actions={
            <label className="flex items-center gap-2 text-sm">
              Action
              <input
                className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
                placeholder="e.g. ops.apply"
                value={action}
                onChange={(e) => {
                  setAction(e.target.value);
                  setPage(1);
                }}
              />
            </label>
          }
        >
          <ErrorNotice error={entries.error} />
          {entries.data ? <AuditTable entries={entries.data.items} /> : <p>Loading…</p>}
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <span>{entries.data ? `${entries.data.total} entries` : ''}</span>
            <Pagination page={page} totalPages={entries.data?.total_pages ?? 1} onPage={setPage} />
          </div>
        </Panel>
      </div>
    </>
  );
}
