import { useLiveEvents } from '../events/liveEventsContext.js';

const LABEL = { open: 'Live', connecting: 'Connecting…', closed: 'Offline' } as const;
const DOT = { open: 'bg-emerald-500', connecting: 'bg-amber-500', closed: 'bg-red-500' } as const;

/** Whether live updates are flowing (the event WebSocket's state). */
export function LiveStatus() {
  const { status } = useLiveEvents();
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="live-status" data-status={status}>
      <span className={`size-2 rounded-full ${DOT[status]}`} aria-hidden="true" />
      {LABEL[status]}
    </span>
  );
}
