import type { EventBus } from '@opspilot/core';

/** How long changes of one cluster are gathered into one event. */
export const RESOURCE_FEED_DELAY_MS = 200;

/** Gathers live-model changes per cluster and publishes them as `RESOURCES_CHANGED`. */
export interface ResourceChangeFeed {
  /** Notes one change of `kind` in the cluster. */
  note(clusterId: string, name: string, kind: string): void;
  /** Publishes what is pending and stops. */
  close(): Promise<void>;
}

interface Pending {
  name: string;
  kinds: Set<string>;
  changes: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Tells open dashboards that a cluster's objects changed, without flooding the bus: the changes of one cluster within
 * `delayMs` become one `RESOURCES_CHANGED` event `{ name, kinds, changes }`, so a browser page refreshes what it
 * shows at most five times a second per cluster however busy the cluster is.
 */
export function createResourceChangeFeed(
  bus: EventBus,
  logger: { warn(o: object, m?: string): void },
  delayMs = RESOURCE_FEED_DELAY_MS,
): ResourceChangeFeed {
  const pending = new Map<string, Pending>();
  const inFlight = new Set<Promise<void>>();
  const flush = (clusterId: string) => {
    const batch = pending.get(clusterId);
    if (!batch) return;
    pending.delete(clusterId);
    clearTimeout(batch.timer);
    const published = bus
      .publish({
        event_type: 'RESOURCES_CHANGED',
        cluster_id: clusterId,
        timestamp: new Date().toISOString(),
        payload: { name: batch.name, kinds: [...batch.kinds].sort(), changes: batch.changes },
      })
      .catch((error: unknown) => logger.warn({ err: error, cluster: batch.name }, 'publishing resource changes failed'))
      .finally(() => inFlight.delete(published));
    inFlight.add(published);
  };
  return {
    note(clusterId, name, kind) {
      const batch = pending.get(clusterId);
      if (batch) {
        batch.kinds.add(kind);
        batch.changes += 1;
        return;
      }
      const timer = setTimeout(() => flush(clusterId), delayMs);
      timer.unref?.();
      pending.set(clusterId, { name, kinds: new Set([kind]), changes: 1, timer });
    },
    async close() {
      for (const clusterId of [...pending.keys()]) flush(clusterId);
      await Promise.allSettled([...inFlight]);
    },
  };
}
