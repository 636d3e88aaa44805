import { Event } from '@opspilot/core';
import type { BusLogger } from './localDispatcher.js';

/**
 * Parses an event received from another process (Redis message, NATS payload); anything that is not a valid
 * seed 003 §6.1 Event is logged and dropped rather than delivered.
 */
export function decodeEvent(data: string, logger: BusLogger | undefined, source: string): Event | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch (error) {
    logger?.warn({ err: error, source }, 'dropped an event that is not JSON');
    return undefined;
  }
  const parsed = Event.safeParse(raw);
  if (!parsed.success) {
    logger?.warn({ source, issues: parsed.error.issues }, 'dropped an invalid event');
    return undefined;
  }
  return parsed.data;
}
