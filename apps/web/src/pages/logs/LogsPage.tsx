import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { Button } from '../../components/Button.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Panel } from '../../components/Panel.js';
import { type FollowedLine, useLogFollow } from './useLogFollow.js';

const SINCE = ['5m', '15m', '1h', '6h', '24h'] as const;
const fieldClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900';

function LogLines({ lines }: { lines: FollowedLine[] }) {
  if (lines.length === 0) return <p className="text-sm">No log lines.</p>;
  return (
    <ol aria-label="Log lines" className="max-h-[32rem] overflow-auto font-mono text-xs">
      {lines.map((l) => (
        <li
          key={`${l.timestamp}|${l.cluster_name}|${l.stream.pod}|${l.stream.container}|${l.message}`}
          className="border-b border-slate-100 py-0.5 dark:border-slate-800"
        >
          <span className="text-slate-500">{l.timestamp.slice(11, 23)} </span>
          <span className="text-sky-700 dark:text-sky-300">
            {l.cluster_name ? `${l.cluster_name}/` : ''}
            {l.stream.namespace}/{l.stream.pod}
          </span>{' '}
          <span className="whitespace-pre-wrap">{l.message}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * Log search across the clusters the user may see: a LogQL box (the documented subset, or full LogQL with Loki),
 * a window and a limit; the answer's notes say what cut it. "Follow" streams new lines over the server's socket.
 */
export function LogsPage() {
  const trpc = useTRPC();
  const [draft, setDraft] = useState('{namespace="todo"}');
  const [query, setQuery] = useState<string | undefined>();
  const [since, setSince] = useState<(typeof SINCE)[number]>('1h');
  const [limit, setLimit] = useState(200);
  const [follow, setFollow] = useState(false);
  const syntax = useQuery(trpc.logs.syntax.queryOptions());
  const result = useQuery({
    ...trpc.logs.query.queryOptions({ query: query ?? '', since, limit, direction: 'BACKWARD', cluster_ids: [] }),
    enabled: query !== undefined && !follow,
  });
  const followed = useLogFollow(query ?? draft, follow);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft.trim());
  };
  return (
    <>
      <PageHeading title="Logs">Search pod logs across clusters with LogQL, or follow them live.</PageHeading>
      <div className="space-y-6">
        <Panel title="Query">
          <form onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm">
            <label className="flex min-w-[24rem] flex-1 flex-col gap-1 font-medium">
              LogQL query
              <input className={`${fieldClass} font-mono`} value={draft} onChange={(e) => setDraft(e.target.value)} />
            </label>
            <label className="flex flex-col gap-1 font-medium">
              Since
              <select className={fieldClass} value={since} onChange={(e) => setSince(e.target.value as typeof since)}>
                {SINCE.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 font-medium">
              Limit
              <input
                className={`${fieldClass} w-24`}
                type="number"
                min={1}
                max={5000}
                value={limit}
                onChange={(e) => setLimit(Number(e.target.value) || 100)}
              />
            </label>
            <Button type="submit">Search</Button>
            <label className="flex items-center gap-2 font-medium">
              <input
                type="checkbox"
                checked={follow}
                onChange={(e) => {
                  setQuery(draft.trim());
                  setFollow(e.target.checked);
                }}
              />
              Follow
            </label>
          </form>
          {syntax.data ? (
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
              {syntax.data.source === 'loki' ? 'Loki is configured: full LogQL.' : `Supported: ${syntax.data.subset}.`}
            </p>
          ) : null}
        </Panel>
        <Panel title={follow ? 'Following' : 'Results'}>
          {follow ? (
            <>
              {followed.problem ? (
                <p role="alert" className="mb-2 text-sm text-amber-700">
                  {followed.problem}
                </p>
              ) : null}
              <LogLines lines={followed.lines} />
            </>
          ) : (
            <>
              <ErrorNotice error={result.error} />
              {result.data ? (
                <>
                  <p className="mb-2 text-sm" data-testid="log-summary">
                    {result.data.entries.length} lines{result.data.truncated ? ' (truncated)' : ''} ·{' '}
                    {result.data.clusters
                      .map((c) => `${c.cluster_name}: ${c.status}${c.error ? ` (${c.error})` : ''}`)
                      .join(', ') || 'no clusters'}
                  </p>
                  {result.data.notes.map((n) => (
                    <p key={n} className="mb-1 text-xs text-amber-700">
                      {n}
                    </p>
                  ))}
                  <LogLines lines={result.data.entries} />
                </>
              ) : query === undefined ? (
                <p className="text-sm">Write a query and search.</p>
              ) : (
                <p>Loading…</p>
              )}
            </>
          )}
        </Panel>
      </div>
    </>
  );
}
