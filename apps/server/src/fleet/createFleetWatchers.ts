import type { Clock, EventBus } from '@opspilot/core';
import { type ClusterHealthReport, type ClusterWatch, scoreBand, watchCluster } from '@opspilot/fleet';
import type { Store } from '@opspilot/store';
import type { ClusterGateways } from '../api/clusterGateways.js';
import { publishAudit } from '../events/publishAudit.js';
import { createResourceChangeFeed } from './resourceChangeFeed.js';
import { storedSightings } from './storedSightings.js';

/** The server's live watchers: one {@link ClusterWatch} per registered cluster. */
export interface FleetWatchers {
  /**
   * Starts a watcher for every registered cluster (those already watched are kept) and, from then on, for every
   * cluster registered or refreshed, stopping those removed.
   */
  start(): Promise<void>;
  /** (Re)starts the watcher of one cluster, e.g. after it was registered or its kubeconfig changed. */
  watch(clusterId: string): Promise<void>;
  /** Stops and drops the watcher of a cluster; nothing of it keeps running. */
  unwatch(clusterId: string): Promise<void>;
  /** The watcher of a cluster, when it is watched. */
  get(clusterId: string): ClusterWatch | undefined;
  /**
   * An analysis run stored sightings of this cluster's causes: its live problems read them again and are analysed
   * anew, so their first-seen time and run count show the run at once (other replicas catch up within 30 s).
   */
  sightingsRecorded(clusterId: string): Promise<void>;
  /** How many clusters are watched. */
  size(): number;
  /** Stops every watcher and listens for registrations no more. */
  close(): Promise<void>;
}

/** What {@link createFleetWatchers} works with; the intervals are for tests. */
export interface FleetWatchersOptions {
  store: Store;
  bus: EventBus;
  clock: Clock;
  gateways: ClusterGateways;
  logger: { warn(o: object, m?: string): void };
  probeIntervalMs?: number;
  debounceMs?: number;
  /**
   * When set (several server processes: see `watcherLeases`), only clusters it returns true for are watched here,
   * and a watcher's first report is compared with the stored status, so a takeover publishes no change that was
   * already published.
   */
  owns?: (clusterId: string) => boolean;
}

const RESTARTING_CHANGES = new Set(['REGISTERED', 'REFRESHED', 'UPDATED']);

/**
 * Watches the fleet live. Each watcher's reports update the cluster's row (status, last_seen_at, detected
 * capabilities and endpoints); a change of state or of score band (`scoreBand`) is also audited as `system`
 * (`cluster.status`) and published as `CLUSTER_STATUS_CHANGED` with `change: 'STATUS'`. Registrations and removals
 * announced on the bus start and stop watchers on every replica. Changes of the live objects are announced as
 * `RESOURCES_CHANGED`, gathered per cluster (see `createResourceChangeFeed`), so open browser pages refresh.
 */
export function createFleetWatchers(options: FleetWatchersOptions): FleetWatchers {
  const { store, bus, clock, gateways, logger } = options;
  const watches = new Map<string, ClusterWatch>();
  const histories = new Map<string, ReturnType<typeof storedSightings>>();
  const pending = new Map<string, Promise<void>>();
  const feed = createResourceChangeFeed(bus, logger);

  const record = async (clusterId: string, report: ClusterHealthReport, previous: ClusterHealthReport) => {
    if (options.owns && !options.owns(clusterId)) return;
    const cluster = await store.clusters.find(clusterId);
    if (!cluster) return;
    if (options.owns && previous.status.state === 'UNKNOWN') previous = { ...previous, status: cluster.status };
    await store.clusters.update(clusterId, {
      status: report.status,
      capabilities: report.capabilities,
      endpoints: { ...report.endpoints, ...cluster.endpoints },
      ...(report.last_seen_at ? { last_seen_at: report.last_seen_at } : {}),
    });
    const stateChanged = previous.status.state !== report.status.state;
    const bandChanged = scoreBand(previous.status.health_score) !== scoreBand(report.status.health_score);
    if (!stateChanged && !bandChanged) return;
    const payload = {
      name: cluster.name,
      change: 'STATUS',
      state: report.status.state,
      previous_state: previous.status.state,
      health_score: report.status.health_score,
      ...(report.status.last_error ? { last_error: report.status.last_error } : {}),
    };
    await publishAudit(
      { store, bus, clock, logger },
      {
        user_id: 'system',
        action: 'cluster.status',
        target: `cluster:${cluster.name}`,
        cluster_id: clusterId,
        details: payload,
      },
    );
    await bus.publish({
      event_type: 'CLUSTER_STATUS_CHANGED',
      cluster_id: clusterId,
      timestamp: report.checked_at,
      payload,
    });
  };

  const unwatch = async (clusterId: string) => {
    const current = watches.get(clusterId);
    watches.delete(clusterId);
    histories.delete(clusterId);
    await current?.stop();
  };

  const startOne = async (clusterId: string) => {
    await unwatch(clusterId);
    if (options.owns && !options.owns(clusterId)) return;
    const cluster = await store.clusters.find(clusterId);
    if (!cluster) return;
    const gateway = await gateways.get(clusterId).catch((error: unknown) => {
      logger.warn({ err: error, cluster: cluster.name }, 'cannot watch cluster: its kubeconfig does not load');
      return undefined;
    });
    if (!gateway) return;
    // Live problems keep the first-seen time and run count that analysis runs stored.
    const history = storedSightings(store, clusterId, clock, (error) =>
      logger.warn({ err: error, cluster: cluster.name }, 'reading finding sightings failed'),
    );
    await history.refresh();
    // Reports are recorded one after the other, so every state change is published in order.
    let recording = Promise.resolve();
    const started = watchCluster({
      cluster: cluster.name,
      gateway,
      clock,
      history,
      probeIntervalMs: options.probeIntervalMs,
      debounceMs: options.debounceMs,
      onChange: (change) => {
        // With several replicas, only the one that owns the cluster announces its changes.
        if (!options.owns || options.owns(clusterId)) feed.note(clusterId, cluster.name, change.kind);
      },
      onReport: (report, previous) => {
        recording = recording
          // A watcher stopped (and maybe replaced) meanwhile records nothing more: only the current one speaks.
          .then(() => (watches.get(clusterId) === started ? record(clusterId, report, previous) : undefined))
          .catch((error: unknown) =>
            logger.warn({ err: error, cluster: cluster.name }, 'recording cluster status failed'),
          );
      },
    });
    watches.set(clusterId, started);
    histories.set(clusterId, history);
  };

  /** One start or stop at a time per cluster, in the order asked. */
  const serially = (clusterId: string, work: () => Promise<void>) => {
    const next = (pending.get(clusterId) ?? Promise.resolve()).then(work, work);
    pending.set(clusterId, next);
    return next;
  };

  let unsubscribe: (() => void) | undefined;

  return {
    async start() {
      unsubscribe ??= bus.subscribe({ event_types: ['CLUSTER_STATUS_CHANGED'] }, (event) => {
        const change = (event.payload as { change?: unknown } | undefined)?.change;
        if (!event.cluster_id || typeof change !== 'string') return;
        const id = event.cluster_id;
        if (change === 'REMOVED') void serially(id, () => unwatch(id));
        else if (RESTARTING_CHANGES.has(change)) void serially(id, () => startOne(id));
      });
      for (let page = 1; ; page++) {
        const result = await store.clusters.list({}, { page, page_size: 100 });
        for (const cluster of result.items) {
          if (!watches.has(cluster.id)) await serially(cluster.id, () => startOne(cluster.id));
        }
        if (page >= result.total_pages) break;
      }
    },
    watch: (clusterId) => serially(clusterId, () => startOne(clusterId)),
    unwatch: (clusterId) => serially(clusterId, () => unwatch(clusterId)),
    get: (clusterId) => watches.get(clusterId),
    async sightingsRecorded(clusterId) {
      const watch = watches.get(clusterId);
      await histories.get(clusterId)?.refresh();
      // The same watcher still: one restarted meanwhile read the store itself.
      if (watch && watches.get(clusterId) === watch) watch.reanalyze();
    },
    size: () => watches.size,
    async close() {
      unsubscribe?.();
      await Promise.allSettled([...pending.values()]);
      await Promise.all([...watches.keys()].map(unwatch));
      await feed.close();
    },
  };
}
