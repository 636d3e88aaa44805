import type { Event, EventType } from '../models/seed003/index.js';

/** What a subscriber wants (seed 003 §6.2): each missing or empty list matches everything. */
export interface EventFilter {
  event_types?: EventType[];
  cluster_filter?: string[];
  namespace_filter?: string[];
}

/**
 * Publishes and delivers live events (alerts, plan state changes, findings) to WebSocket clients and engines:
 * in-process by default, Redis or NATS when several servers run. Delivery is at-most-once; events are not stored.
 */
export interface EventBus {
  publish(event: Event): Promise<void>;
  /**
   * Calls `handler` for each event that {@link matchesSubscription} `filter`; returns the function that ends the
   * subscription. A handler that throws or rejects does not stop delivery to others.
   */
  subscribe(filter: EventFilter, handler: (event: Event) => void | Promise<void>): () => void;
  /**
   * Resolves when the connection the bus delivers through (Redis, NATS) answers a round trip; rejects saying why
   * when it is lost. Absent on an in-process bus, which has nothing to lose.
   */
  ping?(): Promise<void>;
  /** Ends every subscription and releases connections. */
  close(): Promise<void>;
}

/**
 * Whether `event` passes `filter` (seed 003 §6.2: empty filter = all). Every implementation of {@link EventBus}
 * uses it so that in-process and Redis/NATS delivery agree. An event without a cluster or namespace passes the
 * corresponding filter only when that filter is empty.
 */
export function matchesSubscription(event: Event, filter: EventFilter): boolean {
  const types = filter.event_types ?? [];
  const clusters = filter.cluster_filter ?? [];
  const namespaces = filter.namespace_filter ?? [];
  if (types.length > 0 && !types.includes(event.event_type)) return false;
  if (clusters.length > 0 && (event.cluster_id === undefined || !clusters.includes(event.cluster_id))) return false;
  if (namespaces.length > 0 && (event.namespace === undefined || !namespaces.includes(event.namespace))) return false;
  return true;
}
