import type { Clock, EventBus } from '@opspilot/core';
import type { Store } from '@opspilot/store';
import type { ClusterGateways } from '../api/clusterGateways.js';
import type { FleetWatchers } from './createFleetWatchers.js';

/** What {@link reconcileFleet} works with. */
export interface ReconcileFleetOptions {
  store: Pick<Store, 'clusters'>;
  fleet: Pick<FleetWatchers, 'watch' | 'unwatch' | 'get'>;
  gateways: Pick<ClusterGateways, 'forget'>;
  clock: Clock;
  logger: { warn(o: object, m?: string): void };
  /** Changes announced here (through the API) are already handled by the watchers: they are not restarted again. */
  bus?: EventBus;
  /** Time between two passes (default 15 s). */
  intervalMs?: number;
}

/** A running reconciliation loop. */
export interface FleetReconciler {
  /** One pass now: start, restart and stop watchers to match the store. */
  pass(): Promise<void>;
  /** Stops the loop and waits for the pass in progress. */
  stop(): Promise<void>;
}

/** The credentials' version of a cluster: they are replaced as a whole, stamped with `created_at`. */
async function credentialsVersion(store: Pick<Store, 'clusters'>, clusterId: string): Promise<string> {
  return store.clusters
    .getPublicCredentials(clusterId)
    .then((c) => `${c.auth_type}@${c.created_at}`)
    .catch(() => 'none');
}

/**
 * Keeps the fleet's watchers in step with the store when a change did not come through this server's API (which
 * announces it on the bus): `opspilot clusters add|update|remove` writing the same database, or another replica on
 * an in-memory bus. Every `intervalMs` it watches clusters that appeared, restarts (with a fresh gateway) those
 * whose credentials were replaced, and stops and closes those removed.
 */
export function reconcileFleet(options: ReconcileFleetOptions): FleetReconciler {
  const { store, fleet, gateways, clock, logger } = options;
  const known = new Map<string, string>();
  const announced = new Set<string>();
  const unsubscribe = options.bus?.subscribe({ event_types: ['CLUSTER_STATUS_CHANGED'] }, (event) => {
    const change = (event.payload as { change?: unknown } | undefined)?.change;
    if (!event.cluster_id || typeof change !== 'string') return;
    if (change === 'REMOVED') known.delete(event.cluster_id);
    else if (change !== 'STATUS' && change !== 'EDITED') announced.add(event.cluster_id);
  });
  let first = true;
  const pass = async () => {
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      const result = await store.clusters.list({}, { page, page_size: 100 });
      for (const cluster of result.items) {
        seen.add(cluster.id);
        const version = await credentialsVersion(store, cluster.id);
        const before = known.get(cluster.id);
        known.set(cluster.id, version);
        if (announced.delete(cluster.id) || first || before === version) continue;
        if (before === undefined && fleet.get(cluster.id)) continue;
        gateways.forget(cluster.id);
        await fleet.watch(cluster.id);
      }
      if (page >= result.total_pages) break;
    }
    for (const id of [...known.keys()]) {
      if (seen.has(id)) continue;
      known.delete(id);
      gateways.forget(id);
      await fleet.unwatch(id);
    }
    first = false;
  };
  const controller = new AbortController();
  let running = Promise.resolve();
  const loop = async () => {
    while (!controller.signal.aborted) {
      running = pass().catch((error: unknown) => logger.warn({ err: error }, 'reconciling the fleet failed'));
      await running;
      await clock.sleep(options.intervalMs ?? 15_000, controller.signal).catch(() => undefined);
    }
  };
  const looping = loop();
  return {
    pass: () => {
      running = running.then(pass);
      return running;
    },
    async stop() {
      unsubscribe?.();
      controller.abort();
      await looping;
      await running.catch(() => undefined);
    },
  };
}

/**
 * The fleet's watchers with {@link reconcileFleet} running from `start()` until `close()`, so clusters changed
 * outside this server's API are watched too.
 */
export function withReconciliation(
  watchers: FleetWatchers,
  options: Omit<ReconcileFleetOptions, 'fleet'>,
): FleetWatchers {
  let reconciler: FleetReconciler | undefined;
  return {
    ...watchers,
    async start() {
      await watchers.start();
      reconciler ??= reconcileFleet({ ...options, fleet: watchers });
    },
    async close() {
      await reconciler?.stop();
      await watchers.close();
    },
  };
}
