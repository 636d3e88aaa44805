import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { Badge } from '../components/Badge.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useLiveEvents } from '../events/liveEventsContext.js';
import { mergeEvents } from './mergeEvents.js';

/** The latest events: what the server remembers (`events.recent`) plus what arrived on the socket since. */
export function EventList({ limit = 20 }: { limit?: number }) {
  const trpc = useTRPC();
  const recent = useQuery(trpc.events.recent.queryOptions({ limit: 50 }));
  const live = useLiveEvents();
  const events = mergeEvents(live.events, recent.data?.items ?? []).slice(0, limit);
  return (
    <>
      <ErrorNotice error={recent.error} />
      {events.length === 0 ? <p className="text-sm">No events yet.</p> : null}
      <ol className="space-y-2" aria-live="polite" aria-label="Events">
        {events.map((event) => (
          <li key={`${event.event_id ?? ''}${event.timestamp}${event.event_type}`} className="text-sm">
            <div className="flex items-center gap-2">
              <Badge tone="neutral">{event.event_type}</Badge>
              <time dateTime={event.timestamp} className="text-xs text-slate-600 dark:text-slate-300">
                {new Date(event.timestamp).toLocaleTimeString()}
              </time>
            </div>
            <p className="mt-0.5 break-words text-slate-700 dark:text-slate-200">{summarize(event.payload)}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

function summarize(payload: Record<string, unknown>): string {
  for (const key of ['message', 'action', 'alertname', 'summary', 'state']) {
    const value = payload[key];
    if (typeof value === 'string') return key === 'action' && payload.target ? `${value} ${payload.target}` : value;
  }
  return '';
}
