import type { OpspilotConfig } from '@opspilot/config';
import { durationToMs, InputError, type JobQueue } from '@opspilot/core';
import { createBullmqJobQueue } from './bullmqJobQueue.js';
import type { JobsLogger } from './jobsLogger.js';
import { createMemoryJobQueue } from './memoryJobQueue.js';
import { createPgBossJobQueue } from './pgBossJobQueue.js';

/** The queue with `jobs.attempts` and `jobs.backoff` as the defaults of every job and schedule. */
function withDefaults(queue: JobQueue, attempts: number, backoffMs: number): JobQueue {
  return {
    kind: queue.kind,
    enqueue: (name, payload, options = {}) => queue.enqueue(name, payload, { attempts, backoffMs, ...options }),
    process: (name, handler, options) => queue.process(name, handler, options),
    schedule: (name, payload, options) => queue.schedule(name, payload, { attempts, backoffMs, ...options }),
    parked: (options) => queue.parked(options),
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
export async function createJobQueue(
  config: Pick<OpspilotConfig, 'jobs' | 'database' | 'events'>,
  logger?: JobsLogger,
): Promise<JobQueue> {
  const queue = await openJobQueue(config, logger);
  return withDefaults(queue, config.jobs.attempts, durationToMs(config.jobs.backoff));
}

async function openJobQueue(
  config: Pick<OpspilotConfig, 'jobs' | 'database' | 'events'>,
  logger?: JobsLogger,
): Promise<JobQueue> {
  const { jobs } = config;
  if (jobs.queue === 'memory') return createMemoryJobQueue();
  if (jobs.queue === 'pg-boss') {
    if (!config.database.url) {
      throw new InputError('jobs.queue is pg-boss but database.url is not set', {
        hint: 'pg-boss keeps jobs in PostgreSQL: set OPSPILOT_DATABASE_URL, or jobs.queue: memory for one process',
      });
    }
    return createPgBossJobQueue({ connectionString: config.database.url, schema: jobs.namespace, logger });
  }
  const url = jobs.redis_url ?? config.events.redis_url;
  if (!url) {
    throw new InputError('jobs.queue is bullmq but neither jobs.redis_url nor events.redis_url is set', {
      hint: 'set OPSPILOT_JOBS_REDIS_URL, or jobs.queue: memory for one process',
    });
  }
  return createBullmqJobQueue({ url, prefix: jobs.namespace, logger });
}
