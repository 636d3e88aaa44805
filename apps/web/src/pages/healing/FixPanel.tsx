import type { Operation } from '@opspilot/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { OperationView } from '../ask/OperationView.js';

/**
 * The Fix button of a finding: asks `healing.preview` for the ranked candidate fixes (summary, evidence, exact
 * difference, risk, alternatives) and turns the chosen one into an operation (`healing.fix`), reviewed and applied
 * like any other: dry-run diff, approval, apply, verification.
 */
export function FixPanel({
  clusterId,
  findingId,
  namespace,
}: {
  clusterId: string;
  findingId: string;
  namespace?: string;
}) {
  const trpc = useTRPC();
  const [operation, setOperation] = useState<Operation | undefined>();
  const preview = useMutation(trpc.healing.preview.mutationOptions());
  const fix = useMutation(
    trpc.healing.fix.mutationOptions({
      onSuccess: (answer) => {
        if (answer.kind === 'operation') setOperation(answer.operation as Operation);
      },
    }),
  );
  const input = { cluster_id: clusterId, finding_id: findingId, ...(namespace ? { namespace } : {}) };
  if (!preview.data && !preview.isPending) {
    return (
      <div className="mt-2">
        <Button onClick={() => preview.mutate(input)}>Fix</Button>
        <ErrorNotice error={preview.error} />
      </div>
    );
  }
  if (operation)
    return (
      <div className="mt-3">
        <OperationView operation={operation} onChange={setOperation} />
      </div>
    );
  return (
    <section className="mt-3 space-y-3" aria-label="Candidate fixes">
      {preview.isPending ? <p>Diagnosing…</p> : null}
      {preview.data?.candidates.length === 0 ? <p>No safe fix: {preview.data.declined.join('; ')}</p> : null}
      {preview.data?.candidates.map((candidate, index) => (
        <article
          key={`${candidate.remediation}-${candidate.summary}`}
          className="rounded-md bg-emerald-50 p-2 text-sm dark:bg-emerald-950"
        >
          <p className="font-medium">
            {index + 1}. {candidate.summary}{' '}
            <span className="text-xs text-slate-600 dark:text-slate-300">
              ({candidate.remediation}, confidence {Math.round(candidate.confidence * 100)}%
              {preview.data?.learned[candidate.remediation]
                ? `, learned ${Math.round(preview.data.learned[candidate.remediation]!.rate * 100)}% of ${preview.data.learned[candidate.remediation]!.runs} run(s)`
                : ''}
              )
            </span>
          </p>
          <ul className="mt-1 list-disc pl-5">
            {candidate.revision_diff.map((d) => (
              <li key={d} className="font-mono">
                {d}
              </li>
            ))}
            {candidate.evidence.slice(-3).map((e) => (
              <li key={`${e.source}${e.detail}`}>
                <span className="font-mono">{e.source}</span>: {e.detail}
              </li>
            ))}
            {candidate.risk.map((r) => (
              <li key={r}>Risk: {r}</li>
            ))}
            {candidate.alternatives.map((a) => (
              <li key={a}>Or: {a}</li>
            ))}
          </ul>
          <Button
            onClick={() =>
              fix.mutate({
                ...input,
                remediation: candidate.remediation,
                index: preview
                  .data!.candidates.filter((c) => c.remediation === candidate.remediation)
                  .indexOf(candidate),
              })
            }
            disabled={fix.isPending}
          >
            {fix.isPending ? 'Planning…' : 'Propose this fix'}
          </Button>
        </article>
      ))}
      {fix.data?.kind === 'abandoned' ? <p>Abandoned: {fix.data.reasons.join('; ')}</p> : null}
      <ErrorNotice error={fix.error} />
    </section>
  );
}
