import type { Event, EventBus, EventFilter } from '@opspilot/core';
import { matchesSubscription } from '@opspilot/core';

/** The last events seen on the bus, newest last, for `events.recent` (events are otherwise not stored). */
export interface RecentEvents {
  /** Up to `limit` of the newest events matching `filter`, newest first. */
  list(filter: EventFilter, limit: number): Event[];
  /** Stops listening. */
  stop(): void;
}

/** Keeps the last `capacity` events published on `bus` (except `RESOURCES_CHANGED`). */
export function createRecentEvents(bus: EventBus, capacity = 500): RecentEvents {
  const buffer: Event[] = [];
  const stop = bus.subscribe({}, (event) => {
    // Refresh signals of the cluster browser, many a second on a busy fleet: they would push out every other event.
    if (event.event_type === 'RESOURCES_CHANGED') return;
    buffer.push(event);
    if (buffer.length > capacity) buffer.splice(0, buffer.length - capacity);
  });
  return {
    list(filter, limit) {
      const out: Event[] = [];
      for (let i = buffer.length - 1; i >= 0 && out.length < limit; i--) {
        const event = buffer[i];
        if (event && matchesSubscription(event, filter)) out.push(event);
      }
      return out;
    },
    stop,
  };
}
