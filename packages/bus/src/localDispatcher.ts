import { type Event, type EventFilter, matchesSubscription } from '@opspilot/core';

/** Where a bus reports a subscriber that failed; pino-compatible. */
export interface BusLogger {
  warn(obj: object, msg?: string): void;
}

/** The subscriptions of one process and the delivery of an event to those it matches. */
export interface LocalDispatcher {
  /** Registers a handler for events matching `filter`; returns the function that ends it. */
  subscribe(filter: EventFilter, handler: (event: Event) => void | Promise<void>): () => void;
  /** Calls every matching handler; one that throws or rejects is logged and does not stop the others. */
  dispatch(event: Event): void;
  /** Number of live subscriptions. */
  readonly size: number;
  /** Ends every subscription. */
  clear(): void;
}

interface Subscriber {
  filter: EventFilter;
  handler: (event: Event) => void | Promise<void>;
}

/** Builds the dispatcher every bus delivers through, so in-process, Redis and NATS match events identically. */
export function createLocalDispatcher(logger?: BusLogger): LocalDispatcher {
  const subscribers = new Set<Subscriber>();
  const failed = (error: unknown, event: Event) =>
    logger?.warn({ err: error, event_type: event.event_type }, 'event subscriber failed');
  return {
    subscribe(filter, handler) {
      const subscriber = { filter, handler };
      subscribers.add(subscriber);
      return () => {
        subscribers.delete(subscriber);
      };
    },
    dispatch(event) {
      for (const { filter, handler } of subscribers) {
        if (!matchesSubscription(event, filter)) continue;
        try {
          const result = handler(event);
          if (result instanceof Promise) result.catch((error: unknown) => failed(error, event));
        } catch (error) {
          failed(error, event);
        }
      }
    },
    get size() {
      return subscribers.size;
    },
    clear() {
      subscribers.clear();
    },
  };
}
