import { z } from 'zod';

/**
 * One live event as the dashboard reads it off the socket (seed 003 §6.1). The type is kept open (`string`) so the
 * page keeps working when the server adds event types (such as `operation.*`) it does not know yet.
 */
export const LiveEvent = z.object({
  event_id: z.string().optional(),
  event_type: z.string().min(1),
  cluster_id: z.string().optional(),
  namespace: z.string().optional(),
  timestamp: z.string(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
/** A parsed live event. */
export type LiveEvent = z.infer<typeof LiveEvent>;

/**
 * The subscription the dashboard sends: everything the user may see, batched (arrays of events at most 50 ms
 * apart), which keeps a busy stream to a few messages and re-renders a second.
 */
export const DASHBOARD_SUBSCRIPTION = { client_id: 'dashboard', batch: { max_delay_ms: 50 } } as const;

/**
 * Parses one WebSocket message into its events, oldest first: a batch (a JSON array of events) or a single event
 * object. The subscription acknowledgement, error objects, malformed JSON and non-text data give no events; an
 * element of a batch that is not an event is skipped.
 */
export function parseEventMessage(data: unknown): LiveEvent[] {
  if (typeof data !== 'string') return [];
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return [];
  }
  const events: LiveEvent[] = [];
  for (const item of Array.isArray(json) ? json : [json]) {
    const parsed = LiveEvent.safeParse(item);
    if (parsed.success) events.push(parsed.data);
  }
  return events;
}
