import type { LiveEvent } from '../events/parseEventMessage.js';

/** The shape both sources share. */
type AnyEvent = Pick<LiveEvent, 'event_id' | 'event_type' | 'timestamp' | 'payload'> & { cluster_id?: string };

/**
 * Live events and the server's recent list, without duplicates (same id, or same type and time when there is no id),
 * newest first.
 */
export function mergeEvents(live: AnyEvent[], recent: AnyEvent[]): AnyEvent[] {
  const seen = new Set<string>();
  const merged: AnyEvent[] = [];
  for (const event of [...live, ...recent]) {
    const key = event.event_id ?? `${event.event_type}@${event.timestamp}@${JSON.stringify(event.payload)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(event);
  }
  return merged.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}
