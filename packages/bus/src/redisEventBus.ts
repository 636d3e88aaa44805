import { Event, type EventBus, UpstreamError } from '@opspilot/core';
import { Redis } from 'ioredis';
import { decodeEvent } from './decodeEvent.js';
import { type BusLogger, createLocalDispatcher } from './localDispatcher.js';

/** Options of {@link createRedisEventBus}. */
export interface RedisEventBusOptions {
  /** `redis://host:6379/0` (`events.redis_url`). */
  url: string;
  /** The pub/sub channel every replica shares (default `opspilot:events`); tests use a unique one. */
  channel?: string;
  logger?: BusLogger;
}

/**
 * The Redis event bus (`events.bus: redis`): each replica publishes on one pub/sub channel and delivers what it
 * receives there to its own subscribers — its own events included, so every replica sees the same order. At most
 * once: a replica that is disconnected misses what is published meanwhile. Resolves once subscribed.
 * @see https://redis.io/docs/latest/develop/interact/pubsub/
 */
export async function createRedisEventBus(options: RedisEventBusOptions): Promise<EventBus> {
  const channel = options.channel ?? 'opspilot:events';
  const dispatcher = createLocalDispatcher(options.logger);
  const connect = () => new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const publisher = connect();
  const subscriber = connect();
  const unreachable = (cause: unknown) =>
    new UpstreamError(`cannot reach Redis for events: ${cause instanceof Error ? cause.message : String(cause)}`, {
      source: 'redis',
      cause,
      retryable: true,
      hint: 'check events.redis_url (OPSPILOT_EVENTS_REDIS_URL) and that Redis is running',
    });
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    await subscriber.subscribe(channel);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw unreachable(error);
  }
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: unknown) => options.logger?.warn({ err: error }, 'redis event bus error'));
  }
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    const event = decodeEvent(message, options.logger, 'redis');
    if (event) dispatcher.dispatch(event);
  });
  let closed = false;
  return {
    async publish(event) {
      try {
        await publisher.publish(channel, JSON.stringify(Event.parse(event)));
      } catch (error) {
        throw unreachable(error);
      }
    },
    subscribe: (filter, handler) => dispatcher.subscribe(filter, handler),
    async ping() {
      // A connection that is not ready is lost (ioredis reconnects by itself): say so rather than queue a PING.
      for (const [role, connection] of [
        ['publishing', publisher],
        ['subscribed', subscriber],
      ] as const) {
        if (connection.status !== 'ready')
          throw unreachable(new Error(`the ${role} connection is ${connection.status}`));
      }
      try {
        await Promise.all([publisher.ping(), subscriber.ping()]);
      } catch (error) {
        throw unreachable(error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      dispatcher.clear();
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
