import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type ApiOutputs, useTRPC } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { Button } from '../components/Button.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { toneOf } from '../components/toneOf.js';

type Config = ApiOutputs['reviews']['pending']['items'][number];
type Decision = 'APPROVED' | 'REJECTED' | 'NEEDS_CHANGES';

/** One generated configuration under review: file, state, content, validation results, comments and decisions. */
export function ReviewCard({ config }: { config: Config }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notesId = useId();
  const [notes, setNotes] = useState('');
  const decide = useMutation(
    trpc.reviews.decide.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.reviews.pending.queryKey() }),
    }),
  );
  const send = (decision: Decision) => decide.mutate({ generated_config_id: config.id, decision, notes });
  return (
    <article className="rounded-md border border-slate-200 p-4 dark:border-slate-700" aria-label={config.file_path}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-mono font-semibold">{config.file_path}</h3>
        <Badge tone={toneOf(config.state)}>{config.state}</Badge>
        <span className="text-sm text-slate-600 dark:text-slate-300">
          {config.resource_type} by {config.generator_tool}
        </span>
      </div>
      <pre className="mt-3 max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-sm text-slate-100">
        {config.content}
      </pre>
      {config.validation_results.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm">
          {config.validation_results.map((result, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: results have no id
            <li key={index}>
              <Badge tone={toneOf(String(result.severity))}>{String(result.severity)}</Badge> {result.message}
            </li>
          ))}
        </ul>
      ) : null}
      {config.review_notes ? <p className="mt-3 text-sm">Earlier notes: {config.review_notes}</p> : null}
      <label htmlFor={notesId} className="mt-3 block text-sm font-medium">
        Comments
      </label>
      <textarea
        id={notesId}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        rows={3}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900"
      />
      <ErrorNotice error={decide.error} />
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => send('APPROVED')} disabled={decide.isPending}>
          Approve
        </Button>
        <Button variant="secondary" onClick={() => send('NEEDS_CHANGES')} disabled={decide.isPending || !notes}>
          Request changes
        </Button>
        <Button variant="danger" onClick={() => send('REJECTED')} disabled={decide.isPending}>
          Reject
        </Button>
      </div>
    </article>
  );
}
