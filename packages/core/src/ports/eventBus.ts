import type { Event, EventType } from '../models/seed003/event.js';

/** What a subscriber wants: empty or missing filters match everything (seed 003 §6.2). */
export interface EventFilter {
  event_types?: EventType[];
  cluster_filter?: string[];
  namespace_filter?: string[];
}

/** Publishes and delivers live events: in-process by default, Redis or NATS when several servers run. */
export interface EventBus {
  publish(event: Event): Promise<void>;
  /** Returns the function that ends the subscription. */
  subscribe(filter: EventFilter, handler: (event: Event) => void): () => void;
  close(): Promise<void>;
}

/**
 * Whether `event` passes `filter` (seed 003 §6.2). An event without a cluster or namespace passes the
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
