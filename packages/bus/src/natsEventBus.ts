import {
  type ConsumerMessages,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Event, type EventBus, UpstreamError } from '@opspilot/core';
import { decodeEvent } from './decodeEvent.js';
import { type BusLogger, createLocalDispatcher } from './localDispatcher.js';

/** Options of {@link createNatsEventBus}. */
export interface NatsEventBusOptions {
  /** `nats://host:4222` (`events.nats_url`). */
  url: string;
  /** The JetStream stream (default `OPSPILOT_EVENTS`), created when missing; tests use a unique one. */
  stream?: string;
  /** Subject prefix (default `opspilot.events`); an event goes to `<prefix>.<EVENT_TYPE>`. */
  subject?: string;
  /** How long the stream keeps an event, in ms (default 60 000): events are live data, not history. */
  maxAgeMs?: number;
  logger?: BusLogger;
}

/**
 * The NATS JetStream event bus (`events.bus: nats`): events are published to a memory-backed stream with a short
 * retention, and each replica reads new ones through its own ordered (ephemeral) consumer and delivers them to its
 * subscribers. Resolves once the consumer is reading.
 * @see https://docs.nats.io/nats-concepts/jetstream
 */
export async function createNatsEventBus(options: NatsEventBusOptions): Promise<EventBus> {
  const stream = options.stream ?? 'OPSPILOT_EVENTS';
  const subject = options.subject ?? 'opspilot.events';
  const dispatcher = createLocalDispatcher(options.logger);
  const unreachable = (cause: unknown) =>
    new UpstreamError(`cannot reach NATS for events: ${cause instanceof Error ? cause.message : String(cause)}`, {
      source: 'nats',
      cause,
      retryable: true,
      hint: 'check events.nats_url (OPSPILOT_EVENTS_NATS_URL) and that NATS runs with JetStream enabled (-js)',
    });
  let nc: Awaited<ReturnType<typeof connect>>;
  let messages: ConsumerMessages;
  try {
    // Reconnects for as long as it takes (the default gives up after 10 tries, ~20 s, and the bus would stay lost).
    nc = await connect({ servers: options.url, name: 'opspilot-events', maxReconnectAttempts: -1 });
  } catch (error) {
    throw unreachable(error);
  }
  try {
    const jsm = await jetstreamManager(nc);
    const config = {
      subjects: [`${subject}.>`],
      storage: StorageType.Memory,
      retention: RetentionPolicy.Limits,
      max_age: (options.maxAgeMs ?? 60_000) * 1_000_000,
    };
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({ name: stream, ...config });
    }
    // The stream holds only our subjects, so the consumer needs no filter (filters need NATS 2.10).
    const consumer = await jetstream(nc).consumers.get(stream, { deliver_policy: DeliverPolicy.New });
    messages = await consumer.consume();
  } catch (error) {
    await nc.close().catch(() => {});
    throw unreachable(error);
  }
  const js = jetstream(nc);
  /** Why the connection is down (NATS reports a disconnect at once; a PING would wait for the reconnection). */
  let down: string | undefined;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') down = `disconnected from ${status.server}`;
      else if (status.type === 'reconnect') down = undefined;
    }
  })().catch(() => undefined);
  const reading = (async () => {
    for await (const message of messages) {
      const event = decodeEvent(message.string(), options.logger, 'nats');
      if (event) dispatcher.dispatch(event);
    }
  })().catch((error: unknown) => options.logger?.warn({ err: error }, 'nats event consumer stopped'));
  let closed = false;
  return {
    async publish(event) {
      const valid = Event.parse(event);
      try {
        await js.publish(`${subject}.${valid.event_type}`, JSON.stringify(valid));
      } catch (error) {
        throw unreachable(error);
      }
    },
    subscribe: (filter, handler) => dispatcher.subscribe(filter, handler),
    async ping() {
      if (nc.isClosed()) throw unreachable(new Error('the connection is closed'));
      if (down) throw unreachable(new Error(down));
      try {
        await nc.flush();
      } catch (error) {
        throw unreachable(error);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      dispatcher.clear();
      await messages.close().catch(() => {});
      await reading;
      // Draining waits for the server (seconds while it is unreachable): a connection that is down just closes.
      await (down ? nc.close() : nc.drain()).catch(() => {});
    },
  };
}
