import { Link } from 'react-router';
import type { ApiOutputs } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { toneOf } from '../components/toneOf.js';

/** One cluster: name (linking to its page), environment, platform, state and live health score. */
export function ClusterCard({ cluster }: { cluster: ApiOutputs['clusters']['list']['items'][number] }) {
  const { status } = cluster;
  return (
    <article className="rounded-md border border-slate-200 p-3 dark:border-slate-700" aria-label={cluster.name}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-semibold">
          <Link to={`/clusters/${cluster.id}`} className="underline-offset-2 hover:underline">
            {cluster.display_name ?? cluster.name}
          </Link>
        </h3>
        <Badge tone={toneOf(status.state)}>{status.state}</Badge>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-2 text-sm">
        <dt className="text-slate-600 dark:text-slate-300">Environment</dt>
        <dd>{cluster.environment}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Platform</dt>
        <dd>
          {cluster.platform} {cluster.platform_version ?? ''}
        </dd>
        <dt className="text-slate-600 dark:text-slate-300">Health</dt>
        <dd data-testid="health-score">
          {status.health_score !== undefined ? `${status.health_score}/100` : 'not measured'}
        </dd>
        {status.last_error ? (
          <>
            <dt className="text-slate-600 dark:text-slate-300">Last error</dt>
            <dd className="break-words">{status.last_error}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
