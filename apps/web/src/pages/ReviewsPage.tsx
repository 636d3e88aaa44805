import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageHeading } from '../components/PageHeading.js';
import { Pagination } from '../components/Pagination.js';
import { Panel } from '../components/Panel.js';
import { ReviewCard } from './ReviewCard.js';

/** Generated configurations waiting for review, each with its content, validation results and a decision form. */
export function ReviewsPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const pending = useQuery(trpc.reviews.pending.queryOptions({ page, page_size: 10 }));
  return (
    <>
      <PageHeading title="Reviews">
        Generated configurations wait here until an approver approves, rejects or asks for changes.
      </PageHeading>
      <Panel title="Waiting for review">
        <ErrorNotice error={pending.error} />
        {pending.isPending ? <p>Loading…</p> : null}
        {pending.data?.items.length === 0 ? <p>Nothing is waiting for review.</p> : null}
        <ul className="space-y-4">
          {pending.data?.items.map((config) => (
            <li key={config.id}>
              <ReviewCard config={config} />
            </li>
          ))}
        </ul>
        {pending.data && pending.data.total_pages > 1 ? (
          <div className="mt-3">
            <Pagination page={page} totalPages={pending.data.total_pages} onPage={setPage} />
          </div>
        ) : null}
      </Panel>
    </>
  );
}
