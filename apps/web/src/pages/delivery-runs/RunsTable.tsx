import type { CiRun } from '@opspilot/core';

const cell = 'px-2 py-1 text-left align-top';
const duration = (ms?: number) =>
  ms === undefined ? '—' : ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
const tone: Record<string, string> = {
  SUCCEEDED: 'text-emerald-700 dark:text-emerald-400',
  FAILED: 'text-red-700 dark:text-red-400',
  CANCELLED: 'text-slate-500',
  RUNNING: 'text-sky-700 dark:text-sky-400',
  QUEUED: 'text-slate-500',
};

/**
 * Pipeline runs as a table: provider, pipeline, status, commit, author and duration, linking to the CI system. A GitHub
 * run names its check suite (its `workflow_run` and `check_suite` deliveries are this one row).
 */
export function RunsTable({ runs }: { runs: readonly CiRun[] }) {
  if (runs.length === 0) {
    return (
      <p className="text-sm text-slate-500">
        No pipeline runs yet: point a GitHub or GitLab webhook at /api/webhooks/github or /api/webhooks/gitlab.
      </p>
    );
  }
  return (
    <table aria-label="Pipeline runs" className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-200 dark:border-slate-700">
          {['Provider', 'Repository', 'Pipeline', 'Status', 'Ref', 'Commit', 'Author', 'Duration', 'Started'].map(
            (h) => (
              <th key={h} className={cell}>
                {h}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id} className="border-b border-slate-100 dark:border-slate-800">
            <td className={cell}>{r.provider.toLowerCase()}</td>
            <td className={cell}>{r.repository}</td>
            <td className={cell}>
              {r.url ? (
                <a className="underline" href={r.url} target="_blank" rel="noreferrer">
                  {r.pipeline}
                </a>
              ) : (
                r.pipeline
              )}
              {r.kind === 'JOB' ? <span className="ml-1 text-xs text-slate-500">(job)</span> : null}
              {r.suite_key ? (
                <span className="ml-1 text-xs text-slate-500" title={r.suite_key}>
                  (check suite {r.suite_key.split(':').pop()})
                </span>
              ) : null}
            </td>
            <td className={`${cell} font-medium ${tone[r.status] ?? ''}`}>{r.status}</td>
            <td className={cell}>{r.ref ?? '—'}</td>
            <td className={`${cell} font-mono`} title={r.commit_message}>
              {r.commit_sha?.slice(0, 7) ?? '—'}
            </td>
            <td className={cell}>{r.author ?? '—'}</td>
            <td className={cell}>{duration(r.duration_ms)}</td>
            <td className={cell}>{r.started_at?.replace('T', ' ').slice(0, 16) ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
