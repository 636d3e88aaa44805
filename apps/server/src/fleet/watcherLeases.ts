import type { Store } from '@opspilot/store';
import { watcherLeaseTable } from './watcherLeaseTable.js';

/** What {@link createWatcherLeases} starts and stops: the fleet's watchers (see `createFleetWatchers`). */
export interface LeasedWatchers {
  watch(clusterId: string): Promise<void>;
  unwatch(clusterId: string): Promise<void>;
}

/** Options of {@link createWatcherLeases}. */
export interface WatcherLeasesOptions {
  store: Store;
  fleet: LeasedWatchers;
  /** This process's name in the lease rows (`jobs.worker_id`, default `<hostname>:<pid>`). */
  owner: string;
  /** How long a lease lasts without renewal (`jobs.lease_ttl`); renewed every third of it. */
  ttlMs: number;
  logger: { warn(o: object, m?: string): void; info(o: object, m?: string): void };
}

/** The cluster leases of this process. */
export interface WatcherLeases {
  /** True while this process holds the lease of `clusterId` (its watcher runs here). */
  owns(clusterId: string): boolean;
  /** The clusters watched here. */
  owned(): string[];
  /** Starts the rounds: renew held leases, release those of removed clusters, take at most one free lease. */
  start(): void;
  /**
   * Stops every watcher here at once and takes no lease until {@link WatcherLeases.resume} (the database was lost:
   * nothing can be released, the rows expire by themselves and other processes take the clusters over).
   */
  suspend(reason: string): Promise<void>;
  /** Takes leases again after {@link WatcherLeases.suspend}. */
  resume(): void;
  /** Stops the rounds and every watcher here and releases its leases, so others take over at once. */
  close(): Promise<void>;
}

/**
 * Distributes the fleet's watchers over the server processes sharing one database: a cluster is watched by the one
 * process holding its row in `watcher_leases`. Every `ttl / 3` a process renews its leases (one UPDATE), drops those
 * it lost, and takes at most one cluster whose lease is missing or expired (so processes started together share the
 * fleet). Expiry is judged by the database's clock. A process that cannot renew stops its watchers once
 * `ttl * 0.8` passed since its last successful renewal, before the rows expire and another process takes over, so
 * two processes never watch one cluster at once; a dead process's clusters are taken within `ttl` plus one round.
 */
export function createWatcherLeases(options: WatcherLeasesOptions): WatcherLeases {
  const { store, fleet, owner, ttlMs, logger } = options;
  const table = watcherLeaseTable(store);
  const roundMs = Math.max(100, Math.floor(ttlMs / 3));
  const fenceMs = Math.floor(ttlMs * 0.8);
  // The fence is checked ten times per lease life, so watchers stop between 0.8 and 0.9 of it without renewal.
  const checkMs = Math.max(50, Math.floor(ttlMs / 10));
  let nextRound = 0;
  const held = new Set<string>();
  let validUntil = 0;
  let suspended = false;
  let closed = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const drop = async (ids: string[], why: string) => {
    if (ids.length === 0) return;
    for (const id of ids) held.delete(id);
    logger.info({ clusters: ids, owner, why }, 'stopped watching clusters');
    await Promise.allSettled(ids.map((id) => fleet.unwatch(id)));
  };

  const clusterIds = async () => {
    const rows = await store.db
      .selectFrom('clusters' as never)
      .select('id' as never)
      .execute();
    return (rows as { id: string }[]).map((r) => r.id);
  };

  const round = async () => {
    const started = performance.now();
    const kept = new Set(await table.renew(owner, [...held], ttlMs));
    validUntil = started + fenceMs;
    await drop(
      [...held].filter((id) => !kept.has(id)),
      'lease lost',
    );
    const ids = new Set(await clusterIds());
    const removed = [...held].filter((id) => !ids.has(id));
    await table.release(owner, removed);
    await drop(removed, 'cluster removed');
    const free = [...ids].filter((id) => !held.has(id));
    for (const id of free.sort(() => Math.random() - 0.5)) {
      if (suspended || closed) return;
      if (await table.acquire(owner, id, ttlMs)) {
        if (suspended || closed) return;
        held.add(id);
        validUntil = Math.min(validUntil, performance.now() + fenceMs);
        logger.info({ cluster_id: id, owner }, 'took the lease of a cluster');
        await fleet.watch(id);
        return;
      }
    }
  };

  const tick = () => {
    if (suspended || closed) return;
    // Self-fencing: without a renewal for most of a lease's life, another process may take over any moment.
    if (held.size > 0 && performance.now() > validUntil) void drop([...held], 'lease renewal overdue');
    if (running || performance.now() < nextRound) return;
    nextRound = performance.now() + roundMs;
    running = round()
      .catch((error: unknown) => logger.warn({ err: error, owner }, 'lease round failed'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    owns: (clusterId) => held.has(clusterId),
    owned: () => [...held],
    start() {
      if (timer || closed) return;
      timer = setInterval(tick, checkMs);
      timer.unref();
      tick();
    },
    async suspend(reason) {
      if (suspended) return;
      suspended = true;
      await drop([...held], reason);
    },
    resume() {
      if (!suspended) return;
      suspended = false;
      nextRound = 0;
      tick();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
      const ids = [...held];
      await drop(ids, 'shutting down');
      await table.release(owner, ids).catch(() => undefined);
    },
  };
}
