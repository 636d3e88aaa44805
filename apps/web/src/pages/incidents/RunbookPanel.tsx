import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiOutputs, useTRPC } from '../../api/trpc.js';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { toneOf } from '../../components/toneOf.js';

type Detail = ApiOutputs['incidents']['get'];
const fieldClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

/** `namespace=todo workload=backend` as parameters. */
function paramsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/\s+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/**
 * The runbooks of an incident: start one (the suggested runbook of the top cause, with its parameters, or any other),
 * and every run's steps with their status; a run waiting for approval shows its change with Approve and Reject.
 */
export function RunbookPanel({ detail }: { detail: Detail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const runbooks = useQuery(trpc.incidents.runbooks.list.queryOptions({ page: 1, page_size: 100 }));
  const suggested = detail.analysis?.causes.find((c) => c.runbook)?.runbook;
  const [name, setName] = useState('');
  const [params, setParams] = useState('');
  const chosen = name || suggested?.name || '';
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.incidents.get.queryKey({ id: detail.incident.id }) });
  const run = useMutation(trpc.incidents.executeRunbook.mutationOptions({ onSuccess: refresh }));
  const approve = useMutation(trpc.incidents.approveStep.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.incidents.rejectStep.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="space-y-4 text-sm">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate({ id: detail.incident.id, runbook: chosen || undefined, input: paramsOf(params) });
        }}
      >
        <label className="flex flex-col gap-1">
          Runbook to run
          <select className={fieldClass} value={chosen} onChange={(e) => setName(e.target.value)}>
            <option value="">(choose)</option>
            {(runbooks.data?.items ?? []).map((r) => (
              <option key={r.id} value={r.name}>
                {r.name}
                {r.name === suggested?.name ? ' (suggested)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Parameters
          <input
            className={`${fieldClass} w-80`}
            placeholder={suggested && chosen === suggested.name ? 'from the cause' : 'namespace=todo workload=backend'}
            value={params}
            onChange={(e) => setParams(e.target.value)}
          />
        </label>
        <Button type="submit" disabled={!chosen || run.isPending}>
          Run runbook
        </Button>
      </form>
      <ErrorNotice error={run.error ?? approve.error ?? reject.error} />
      {detail.executions.map((x) => {
        const waiting = x.step_results.find((r) => r.status === 'RUNNING');
        return (
          <section
            key={x.id}
            aria-label={`Run of ${x.runbook_name}`}
            className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
          >
            <p className="font-medium">
              {x.runbook_name}{' '}
              <span data-testid="run-status">
                <Badge tone={toneOf(x.status)}>{x.status}</Badge>
              </span>
            </p>
            <ol className="mt-1 space-y-1">
              {x.step_results.map((r) => (
                <li key={r.step_id} className="flex flex-wrap gap-2">
                  <span className="w-32 font-medium">{r.step_id}</span>
                  <span className="w-24">{r.status}</span>
                  <span className="text-slate-600 dark:text-slate-300">
                    {(r.error ?? r.output).split('\n').slice(0, 2).join(' — ')}
                  </span>
                </li>
              ))}
            </ol>
            {x.status === 'AWAITING_APPROVAL' && waiting ? (
              <div className="mt-2 space-y-2">
                <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-950">
                  {waiting.output}
                </pre>
                <div className="flex gap-2">
                  <Button
                    onClick={() => approve.mutate({ id: detail.incident.id, execution_id: x.id, confirmations: [] })}
                    disabled={approve.isPending}
                  >
                    Approve {waiting.step_id}
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => reject.mutate({ id: detail.incident.id, execution_id: x.id })}
                    disabled={reject.isPending}
                  >
                    Reject
                  </Button>
                </div>
              </div>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
