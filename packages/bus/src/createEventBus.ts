import { type EventBus, InputError } from '@opspilot/core';
import type { BusLogger } from './localDispatcher.js';
import { createMemoryEventBus } from './memoryEventBus.js';
import { createNatsEventBus } from './natsEventBus.js';
import { createRedisEventBus } from './redisEventBus.js';

/** What selects and configures the bus: the `events` section of the configuration, plus names for tests. */
export interface EventBusSettings {
  bus: 'memory' | 'redis' | 'nats';
  redis_url?: string;
  nats_url?: string;
  /** Redis channel or NATS stream/subject suffix; a unique one isolates a test run. */
  namespace?: string;
  logger?: BusLogger;
}

/**
 * Opens the event bus the configuration selects (`events.bus`): `memory` (default, one process), `redis`
 * (`events.redis_url`) or `nats` (`events.nats_url`, JetStream). A missing URL is an InputError.
 */
export async function createEventBus(settings: EventBusSettings): Promise<EventBus> {
  const { logger, namespace } = settings;
  if (settings.bus === 'memory') return createMemoryEventBus({ logger });
  const url = settings.bus === 'redis' ? settings.redis_url : settings.nats_url;
  if (!url) {
    throw new InputError(`events.bus is ${settings.bus} but events.${settings.bus}_url is not set`, {
      hint: `set OPSPILOT_EVENTS_${settings.bus.toUpperCase()}_URL, or events.bus: memory for one process`,
    });
  }
  if (settings.bus === 'redis') {
    return createRedisEventBus({ url, logger, channel: namespace ? `opspilot:events:${namespace}` : undefined });
  }
  const safe = namespace?.replace(/[^A-Za-z0-9_-]/g, '_');
  return createNatsEventBus({
    url,
    logger,
    stream: safe ? `OPSPILOT_EVENTS_${safe}` : undefined,
    // Outside `opspilot.events.>`, which the default stream owns (two streams may not share subjects).
    subject: safe ? `opspilot-${safe}.events` : undefined,
  });
}
