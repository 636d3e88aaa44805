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
 * Parses one WebSocket message: an event, or `undefined` for anything else (the subscription acknowledgement, an
 * error object, malformed JSON).
 */
export function parseEventMessage(data: unknown): LiveEvent | undefined {
  if (typeof data !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  const parsed = LiveEvent.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
