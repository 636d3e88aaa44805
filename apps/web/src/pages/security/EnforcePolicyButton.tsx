import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';

type Mode = 'deny' | 'warn' | 'audit';

/**
 * Enforce a saved policy at admission on the chosen cluster: its ValidatingAdmissionPolicy and binding (Deny, Warn or
 * Audit) proposed as an operation through review, with a link to the review. Templates that compare objects with
 * each other have no admission form and say so.
 */
export function EnforcePolicyButton({
  clusterId,
  policyId,
  name,
}: {
  clusterId: string;
  policyId: string;
  name: string;
}) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<Mode>('deny');
  const enforce = useMutation(trpc.security.enforcePolicy.mutationOptions());
  if (enforce.data)
    return (
      <span data-testid="enforce-proposed" className="text-xs">
        Proposed for review:{' '}
        <Link className="text-sky-700 underline dark:text-sky-400" to="/reviews">
          operation {enforce.data.id.slice(0, 8)}
        </Link>{' '}
        ({enforce.data.state})
      </span>
    );
  return (
    <span className="flex flex-col gap-1">
      <span className="flex items-center gap-1">
        <select
          aria-label={`Enforcement mode of ${name}`}
          className="rounded-md border border-slate-300 bg-white px-1 py-1 text-xs dark:border-slate-600 dark:bg-slate-900"
          value={mode}
          onChange={(e) => setMode(e.target.value as Mode)}
        >
          <option value="deny">deny</option>
          <option value="warn">warn</option>
          <option value="audit">audit</option>
        </select>
        <Button
          variant="secondary"
          aria-label={`Enforce ${name}`}
          disabled={enforce.isPending || !clusterId}
          onClick={() => enforce.mutate({ id: policyId, cluster_id: clusterId, mode })}
        >
          {enforce.isPending ? 'Proposing…' : 'Enforce'}
        </Button>
      </span>
      {enforce.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {enforce.error.message}
        </span>
      ) : null}
    </span>
  );
}
