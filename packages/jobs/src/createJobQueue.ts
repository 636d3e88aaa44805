import { durationToMs, InputError, type JobQueue } from '@opspilot/core';
import { createBullmqJobQueue } from './bullmqJobQueue.js';
import type { JobsLogger } from './jobsLogger.js';
import { createMemoryJobQueue } from './memoryJobQueue.js';
import { createPgBossJobQueue } from './pgBossJobQueue.js';

/** What selects and configures the queue: the `jobs` section of the configuration and the URLs it may borrow. */
export interface JobQueueSettings {
  queue: 'memory' | 'pg-boss' | 'bullmq';
  redis_url?: string;
  namespace?: string;
  /** Tries of a job that does not say (`jobs.attempts`; default 1). */
  attempts?: number;
  /** Wait before a first retry, a duration like `5s` (`jobs.backoff`; default `1s`). */
  backoff?: string;
  /** `database.url`, where pg-boss keeps its jobs. */
  database_url?: string;
  /** `events.redis_url`, used by BullMQ when `jobs.redis_url` is not set. */
  events_redis_url?: string;
}

/** The queue with `jobs.attempts` and `jobs.backoff` as the defaults of every job and schedule. */
function withDefaults(queue: JobQueue, attempts: number, backoffMs: number): JobQueue {
  return {
    kind: queue.kind,
    enqueue: (name, payload, options = {}) => queue.enqueue(name, payload, { attempts, backoffMs, ...options }),
    process: (name, handler, options) => queue.process(name, handler, options),
    schedule: (name, payload, options) => queue.schedule(name, payload, { attempts, backoffMs, ...options }),
    parked: (options) => queue.parked(options),
    ...(queue.ping ? { ping: () => queue.ping?.() ?? Promise.resolve() } : {}),
    pause: () => queue.pause(),
    resume: () => queue.resume(),
    close: () => queue.close(),
  };
}

/**
 * Opens the job queue `jobs.queue` selects: `memory` (one process), `pg-boss` (needs `database.url`) or `bullmq`
 * (needs `jobs.redis_url` or `events.redis_url`). A missing URL is an InputError naming the key to set. Jobs and
 * schedules that do not say otherwise get `jobs.attempts` tries and `jobs.backoff` between them.
 */
export async function createJobQueue(settings: JobQueueSettings, logger?: JobsLogger): Promise<JobQueue> {
  const queue = await openJobQueue(settings, logger);
  return withDefaults(queue, settings.attempts ?? 1, durationToMs(settings.backoff ?? '1s'));
}

async function openJobQueue(jobs: JobQueueSettings, logger?: JobsLogger): Promise<JobQueue> {
  if (jobs.queue === 'memory') return createMemoryJobQueue();
  if (jobs.queue === 'pg-boss') {
    if (!jobs.database_url) {
      throw new InputError('jobs.queue is pg-boss but database.url is not set', {
        hint: 'pg-boss keeps jobs in PostgreSQL: set OPSPILOT_DATABASE_URL, or jobs.queue: memory for one process',
      });
    }
    return createPgBossJobQueue({ connectionString: jobs.database_url, schema: jobs.namespace, logger });
  }
  const url = jobs.redis_url ?? jobs.events_redis_url;
  if (!url) {
    throw new InputError('jobs.queue is bullmq but neither jobs.redis_url nor events.redis_url is set', {
      hint: 'set OPSPILOT_JOBS_REDIS_URL, or jobs.queue: memory for one process',
    });
  }
  return createBullmqJobQueue({ url, prefix: jobs.namespace, logger });
}
