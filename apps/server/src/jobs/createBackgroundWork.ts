import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { OpspilotConfig } from '@opspilot/config';
import { durationToMs, type JobQueue } from '@opspilot/core';
import { createJobQueue } from '@opspilot/jobs';
import type { Store } from '@opspilot/store';
import { createWatcherLeases, type LeasedWatchers, type WatcherLeases } from '../fleet/watcherLeases.js';
import type { ServerStore } from '../startServer.js';
import { type DatabaseWatch, watchDatabase } from './watchDatabase.js';

/** The background work of one server process: its job queue and, with several processes, its cluster leases. */
export interface BackgroundWork {
  jobs: JobQueue;
  /** This process's name in leases (`jobs.worker_id` or `<hostname>:<pid>`, plus a random suffix). */
  owner: string;
  /** Present when several processes share the work (`jobs.queue` is not `memory`). */
  leases?: WatcherLeases;
  /** For `createApiServices({ fleet })`: limits this process's watchers to the clusters it holds. */
  fleetOptions: { owns?: (clusterId: string) => boolean };
  /** Starts taking leases for `fleet` and watching the database. */
  start(fleet: LeasedWatchers): void;
  /** The store as `/readyz` sees it: with several processes, a failed ping also says this one stopped taking work. */
  health(store: ServerStore): ServerStore;
  /** Releases the leases, stops the queue. */
  close(): Promise<void>;
}

/** What {@link createBackgroundWork} needs. */
export interface BackgroundWorkOptions {
  config: Pick<OpspilotConfig, 'jobs' | 'database' | 'events'>;
  store: Store;
  logger: { warn(o: object, m?: string): void; info(o: object, m?: string): void };
}

/**
 * Opens the job queue `jobs.queue` selects and, when it is shared (`pg-boss`, `bullmq`), the cluster leases: each
 * cluster is watched by the one process holding its lease (see `createWatcherLeases`). The database is pinged every
 * third of `jobs.lease_ttl`; while it does not answer this process stops its watchers and takes no job (nothing it
 * holds can be released; its leases expire and other processes take over), and `/readyz` answers 503 saying so.
 * When it answers again, work is taken again. With `memory` everything runs here and no lease is kept.
 */
export async function createBackgroundWork(options: BackgroundWorkOptions): Promise<BackgroundWork> {
  const { config, store, logger } = options;
  const jobs = await createJobQueue(
    { ...config.jobs, database_url: config.database.url, events_redis_url: config.events.redis_url },
    logger,
  );
  const owner = `${config.jobs.worker_id ?? `${hostname()}:${process.pid}`}:${randomBytes(3).toString('hex')}`;
  const ttlMs = durationToMs(config.jobs.lease_ttl);
  const shared = config.jobs.queue !== 'memory';
  let created: WatcherLeases | undefined;
  let database: DatabaseWatch | undefined;
  return {
    jobs,
    owner,
    get leases() {
      return created;
    },
    fleetOptions: shared ? { owns: (id) => created?.owns(id) ?? false } : {},
    start(fleet) {
      if (!shared || created) return;
      created = createWatcherLeases({ store, fleet, owner, ttlMs, logger });
      const leased = created;
      created.start();
      database = watchDatabase(store, {
        everyMs: Math.max(100, Math.floor(ttlMs / 3)),
        timeoutMs: Math.max(100, Math.floor(ttlMs / 4)),
        async onLost(reason) {
          logger.warn({ owner, reason }, 'database lost: stopping watchers and jobs here');
          await Promise.allSettled([leased.suspend('database lost'), jobs.pause()]);
        },
        async onBack() {
          logger.info({ owner }, 'database back: taking work again');
          leased.resume();
          await jobs.resume();
        },
      });
    },
    health(served) {
      return {
        close: () => served.close(),
        async ping() {
          try {
            await served.ping();
          } catch (error) {
            if (!shared) throw error;
            const message = error instanceof Error ? error.message : String(error);
            throw new Error(`${message} (this process watches no cluster and takes no job until it answers)`);
          }
          const lost = database?.lost();
          if (lost) throw new Error(`database was lost (${lost}); taking work again`);
        },
      };
    },
    async close() {
      database?.stop();
      await created?.close();
      await jobs.close();
    },
  };
}
