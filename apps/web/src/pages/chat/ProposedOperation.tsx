import type { Operation } from '@opspilot/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OperationView } from '../ask/OperationView.js';

/** An operation proposed in the conversation, inline: its plan, commands, diff and the review to approve it. */
export function ProposedOperation({ id }: { id: string }) {
  const trpc = useTRPC();
  const fetched = useQuery(trpc.ops.get.queryOptions({ id }));
  const [changed, setChanged] = useState<Operation | undefined>();
  const latest = fetched.data as Operation | undefined;
  const shown = changed && (!latest || changed.updated_at >= latest.updated_at) ? changed : latest;
  return (
    <section className="border-l-4 border-sky-600 pl-4" aria-label="Proposed operation">
      <ErrorNotice error={fetched.error} />
      {shown ? <OperationView operation={shown} onChange={setChanged} /> : null}
    </section>
  );
}
