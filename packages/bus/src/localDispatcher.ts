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

// Subscriptions are indexed by event type and cluster; `*` stands for an empty list (everything). A subscription is
// kept once in each bucket of (type, cluster) it names, so an event visits at most four buckets and meets each
// matching subscriber exactly once; the namespace filter is checked by `matchesSubscription` on those candidates.
const ANY = '*';
const keysOf = (values: readonly string[] | undefined) => (values && values.length > 0 ? [...new Set(values)] : [ANY]);

/**
 * Builds the dispatcher every bus delivers through, so in-process, Redis and NATS match events identically.
 * Matching is indexed by event type and cluster, so dispatch costs the number of candidate subscribers, not all of
 * them; handlers are called synchronously and a handler's promise is only observed for rejection.
 */
export function createLocalDispatcher(logger?: BusLogger): LocalDispatcher {
  const index = new Map<string, Map<string, Set<Subscriber>>>();
  const all = new Set<Subscriber>();
  const failed = (error: unknown, event: Event) =>
    logger?.warn({ err: error, event_type: event.event_type }, 'event subscriber failed');
  const deliver = (bucket: Set<Subscriber> | undefined, event: Event) => {
    if (bucket === undefined) return;
    for (const { filter, handler } of bucket) {
      if (!matchesSubscription(event, filter)) continue;
      try {
        const result = handler(event);
        if (result instanceof Promise) result.catch((error: unknown) => failed(error, event));
      } catch (error) {
        failed(error, event);
      }
    }
  };
  return {
    subscribe(filter, handler) {
      const subscriber = { filter, handler };
      const places: [type: string, cluster: string][] = [];
      for (const type of keysOf(filter.event_types)) {
        let byCluster = index.get(type);
        if (!byCluster) {
          byCluster = new Map();
          index.set(type, byCluster);
        }
        for (const cluster of keysOf(filter.cluster_filter)) {
          let bucket = byCluster.get(cluster);
          if (!bucket) {
            bucket = new Set();
            byCluster.set(cluster, bucket);
          }
          bucket.add(subscriber);
          places.push([type, cluster]);
        }
      }
      all.add(subscriber);
      return () => {
        if (!all.delete(subscriber)) return;
        for (const [type, cluster] of places) {
          const byCluster = index.get(type);
          const bucket = byCluster?.get(cluster);
          if (!byCluster || !bucket) continue;
          bucket.delete(subscriber);
          // Empty buckets are dropped so that many short-lived filters do not pile up.
          if (bucket.size === 0) byCluster.delete(cluster);
          if (byCluster.size === 0) index.delete(type);
        }
      };
    },
    dispatch(event) {
      const cluster = event.cluster_id;
      for (const byCluster of [index.get(event.event_type), index.get(ANY)]) {
        if (byCluster === undefined) continue;
        if (cluster !== undefined) deliver(byCluster.get(cluster), event);
        deliver(byCluster.get(ANY), event);
      }
    },
    get size() {
      return all.size;
    },
    clear() {
      index.clear();
      all.clear();
    },
  };
}
