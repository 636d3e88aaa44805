import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { OpspilotConfig } from '@opspilot/config';
import { durationToMs, type EventBus, type JobQueue } from '@opspilot/core';
import { createJobQueue } from '@opspilot/jobs';
import type { Store } from '@opspilot/store';
import { createWatcherLeases, type LeasedWatchers, type WatcherLeases } from '../fleet/watcherLeases.js';
import type { ServerStore } from '../startServer.js';
import { type Dependency, type DependencyWatch, watchDependencies } from './watchDependencies.js';

/** The background work of one server process: its job queue and, with several processes, its cluster leases. */
export interface BackgroundWork {
  jobs: JobQueue;
  /** This process's name in leases (`jobs.worker_id` or `<hostname>:<pid>`, plus a random suffix). */
  owner: string;
  /** Present when several processes share the work (`jobs.queue` is not `memory`). */
  leases?: WatcherLeases;
  /** For `createApiServices({ fleet })`: limits this process's watchers to the clusters it holds. */
  fleetOptions: { owns?: (clusterId: string) => boolean };
  /**
   * Starts taking leases for `fleet` and watching what work depends on: the database (with several processes),
   * the event bus `bus` and the job queue when they live in Redis or NATS.
   */
  start(fleet: LeasedWatchers, bus?: EventBus): void;
  /**
   * The store as `/readyz` sees it: with several processes, a failed ping also says this one stopped taking work,
   * and `unready()` names a lost event bus or job queue (or a database not yet seen back).
   */
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
 * cluster is watched by the one process holding its lease (see `createWatcherLeases`). The database (when shared),
 * the event bus and the job queue (when in Redis or NATS) are pinged every third of `jobs.lease_ttl`; while one
 * does not answer this process stops its watchers and takes no job (its leases expire and other processes take
 * over), and `/readyz` answers 503 naming it. When all answer again, work is taken again. With `memory` queue and
 * bus everything runs here, no lease is kept and nothing is watched.
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
  let watch: DependencyWatch | undefined;
  return {
    jobs,
    owner,
    get leases() {
      return created;
    },
    fleetOptions: shared ? { owns: (id) => created?.owns(id) ?? false } : {},
    start(fleet, bus) {
      if (watch) return;
      const dependencies: Dependency[] = [
        ...(shared ? [{ name: 'database', ping: () => store.ping() }] : []),
        ...(bus?.ping ? [{ name: `event bus (${config.events.bus})`, ping: async () => bus.ping?.() }] : []),
        ...(jobs.ping ? [{ name: `job queue (${jobs.kind})`, ping: async () => jobs.ping?.() }] : []),
      ];
      if (dependencies.length === 0) return;
      if (shared) {
        created = createWatcherLeases({ store, fleet, owner, ttlMs, logger });
        created.start();
      }
      const leased = created;
      watch = watchDependencies(dependencies, {
        everyMs: Math.max(100, Math.floor(ttlMs / 3)),
        timeoutMs: Math.max(100, Math.floor(ttlMs / 4)),
        async onLost(reason) {
          logger.warn({ owner, reason }, 'lost a dependency: stopping watchers and jobs here');
          await Promise.allSettled([leased?.suspend(`lost ${reason}`), jobs.pause()]);
        },
        async onBack() {
          logger.info({ owner }, 'every dependency answers again: taking work again');
          leased?.resume();
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
        },
        unready() {
          const lost = watch?.lost();
          // Without leases (one process) the watchers keep running: only jobs stop.
          const stopped = shared ? 'watches no cluster and takes no job' : 'takes no job';
          return lost && `lost ${lost} (this process ${stopped} until it answers)`;
        },
      };
    },
    async close() {
      watch?.stop();
      await created?.close();
      await jobs.close();
    },
  };
}
