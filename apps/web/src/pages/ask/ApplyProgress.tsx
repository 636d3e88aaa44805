import { Panel } from '../../components/Panel.js';
import { useLiveEvents } from '../../events/liveEventsContext.js';
import { operationEvents } from './operationEvents.js';

/** What the server reports about an operation while it runs, live from the event socket. */
export function ApplyProgress({ operationId, active }: { operationId: string; active: boolean }) {
  const { events } = useLiveEvents();
  const mine = operationEvents(events, operationId);
  if (!active && mine.length === 0) return null;
  return (
    <Panel title="Progress">
      {active ? <p role="status">Applying… live updates follow.</p> : null}
      <ol className="mt-2 space-y-1 text-sm" aria-live="polite" aria-label="Progress events">
        {mine.map((event) => (
          <li key={`${event.timestamp}${event.event_type}${JSON.stringify(event.payload)}`}>
            <span className="font-mono">{event.event_type}</span>{' '}
            {typeof event.payload.message === 'string'
              ? event.payload.message
              : typeof event.payload.state === 'string'
                ? event.payload.state
                : ''}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
