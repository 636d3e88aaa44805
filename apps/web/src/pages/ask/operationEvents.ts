import type { LiveEvent } from '../../events/parseEventMessage.js';

/**
 * The events about one operation, oldest first: `PLAN_STATE_CHANGED` (each state it enters) and any `operation.*`
 * event, matched by payload `operation_id` (or `id`).
 */
export function operationEvents(events: LiveEvent[], operationId: string): LiveEvent[] {
  return events
    .filter(
      (event) =>
        (event.event_type === 'PLAN_STATE_CHANGED' || event.event_type.toLowerCase().startsWith('operation.')) &&
        (event.payload.operation_id === operationId || event.payload.id === operationId),
    )
    .reverse();
}
