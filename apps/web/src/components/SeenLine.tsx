import { relativeTime } from './relativeTime.js';

/** When a problem's cause was first and last seen (ISO 8601) and in how many analysis runs. */
export interface Seen {
  first_seen: string;
  last_seen?: string;
  runs?: number;
}

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {relativeTime(iso)}
    </time>
  );
}

/**
 * "first seen 3 hours ago · last seen now · seen in 4 runs": the same line on problem cards, the Overview's top
 * findings and the cluster page's findings; each time's exact value is its tooltip.
 */
export function SeenLine({ seen }: { seen: Seen }) {
  const runs = seen.runs ?? 1;
  return (
    <p className="mt-1 text-xs text-slate-600 dark:text-slate-300" data-testid="problem-seen">
      first seen <When iso={seen.first_seen} />
      {seen.last_seen ? (
        <>
          {' · '}last seen <When iso={seen.last_seen} />
        </>
      ) : null}
      {' · '}seen in {runs} {runs === 1 ? 'run' : 'runs'}
    </p>
  );
}
