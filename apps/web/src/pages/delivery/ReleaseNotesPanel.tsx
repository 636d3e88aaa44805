import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../api/trpc.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Panel } from '../../components/Panel.js';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800';

/**
 * Release notes of a repository the server is configured to read (`delivery.repositories`): conventional commits by
 * type and scope, breaking changes, issues and contributors, since a tag (default the latest) up to a ref.
 */
export function ReleaseNotesPanel() {
  const trpc = useTRPC();
  const repositories = useQuery(trpc.delivery.repositories.queryOptions({}));
  const [repository, setRepository] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [asked, setAsked] = useState<{ repository: string; since?: string; until?: string } | undefined>();
  const repo = repository || repositories.data?.[0]?.name || '';
  const notes = useQuery({
    ...trpc.delivery.releaseNotes.queryOptions(asked ?? { repository: '-' }),
    enabled: asked !== undefined,
    retry: false,
  });
  return (
    <Panel title="Release notes">
      <ErrorNotice error={repositories.error} />
      {(repositories.data ?? []).length === 0 && !repositories.isLoading ? (
        <p className="text-sm text-slate-500">
          No repository is configured: set delivery.repositories (OPSPILOT_DELIVERY_REPOSITORIES) to the folders the
          server may read.
        </p>
      ) : (
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            Repository
            <select className={input} value={repo} onChange={(e) => setRepository(e.target.value)}>
              {(repositories.data ?? []).map((r) => (
                <option key={r.name} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            Since
            <input
              className={input}
              value={since}
              placeholder="latest tag"
              onChange={(e) => setSince(e.target.value)}
            />
          </label>
          <label className="flex flex-col text-sm">
            Until
            <input className={input} value={until} placeholder="HEAD" onChange={(e) => setUntil(e.target.value)} />
          </label>
          <button
            type="button"
            className="rounded bg-blue-600 px-3 py-1.5 text-sm text-white"
            disabled={!repo}
            onClick={() =>
              setAsked({
                repository: repo,
                ...(since.trim() ? { since: since.trim() } : {}),
                ...(until.trim() ? { until: until.trim() } : {}),
              })
            }
          >
            Write release notes
          </button>
        </div>
      )}
      <ErrorNotice error={notes.error} />
      {notes.data ? (
        <>
          <p className="mt-3 text-sm" data-testid="release-notes-summary">
            {notes.data.commits} commits from {notes.data.range.from ?? 'the first commit'} to {notes.data.range.to};{' '}
            {notes.data.breaking.length} breaking, {notes.data.contributors.length} contributors
          </p>
          <pre
            data-testid="release-notes"
            className="mt-2 max-h-[500px] overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs dark:bg-slate-900"
          >
            {notes.data.markdown}
          </pre>
        </>
      ) : null}
    </Panel>
  );
}
