import type { Operation } from '@opspilot/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';
import { confirmationsComplete } from './confirmationsComplete.js';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono dark:border-slate-600 dark:bg-slate-900';

/**
 * Review of an operation: approve and apply (a destructive plan first needs every resource name typed), or reject
 * with a reason. Applying returns the final operation; progress arrives meanwhile over the event socket.
 */
export function ApprovalForm({ operation, onChange }: { operation: Operation; onChange: (op: Operation) => void }) {
  const trpc = useTRPC();
  const reasonId = useId();
  const confirmId = useId();
  const [typed, setTyped] = useState<string[]>(operation.confirmations.map(() => ''));
  const [reason, setReason] = useState('');
  const apply = useMutation(trpc.ops.execute.mutationOptions({ onSuccess: (op) => onChange(op as Operation) }));
  const approve = useMutation(
    trpc.ops.approve.mutationOptions({
      onSuccess: (op) => {
        onChange({ ...(op as Operation), state: 'APPLYING' });
        apply.mutate({ id: operation.id });
      },
    }),
  );
  const reject = useMutation(trpc.ops.reject.mutationOptions({ onSuccess: (op) => onChange(op as Operation) }));
  const busy = approve.isPending || apply.isPending || reject.isPending;
  const destructive = operation.risk === 'destructive';
  const ready = !destructive || confirmationsComplete(operation.confirmations, typed);
  return (
    <Panel title="Review">
      {destructive ? (
        <fieldset className="mb-4 space-y-2">
          <legend className="text-sm font-medium">
            This plan is destructive. Type the name of each resource at stake to confirm.
          </legend>
          {operation.confirmations.map((name, index) => (
            <label key={name} htmlFor={`${confirmId}-${index}`} className="block text-sm">
              Type <span className="font-mono font-semibold">{name}</span>
              <input
                id={`${confirmId}-${index}`}
                className={input}
                autoComplete="off"
                value={typed[index] ?? ''}
                onChange={(e) => setTyped(typed.map((t, i) => (i === index ? e.target.value : t)))}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        {operation.state === 'APPROVED' ? (
          <Button onClick={() => apply.mutate({ id: operation.id })} disabled={busy}>
            {apply.isPending ? 'Applying…' : 'Apply'}
          </Button>
        ) : (
          <Button
            onClick={() => approve.mutate({ id: operation.id, confirmations: destructive ? typed : undefined })}
            disabled={busy || !ready}
          >
            {approve.isPending || apply.isPending ? 'Applying…' : 'Approve and apply'}
          </Button>
        )}
        <label htmlFor={reasonId} className="flex flex-col gap-1 text-sm font-medium">
          Reason for rejecting (optional)
          <input
            id={reasonId}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-600 dark:bg-slate-900"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <Button
          variant="danger"
          onClick={() => reject.mutate({ id: operation.id, reason: reason || undefined })}
          disabled={busy}
        >
          Reject
        </Button>
      </div>
      <div className="mt-3 space-y-2">
        <ErrorNotice error={approve.error} />
        <ErrorNotice error={apply.error} />
        <ErrorNotice error={reject.error} />
      </div>
    </Panel>
  );
}
