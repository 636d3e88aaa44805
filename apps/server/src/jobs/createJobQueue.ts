import type { OpspilotConfig } from '@opspilot/config';
import { InputError, type JobQueue } from '@opspilot/core';
import { createBullmqJobQueue } from './bullmqJobQueue.js';
import type { JobsLogger } from './jobsLogger.js';
import { createMemoryJobQueue } from './memoryJobQueue.js';
import { createPgBossJobQueue } from './pgBossJobQueue.js';

/**
 * Opens the job queue `jobs.queue` selects: `memory` (one process), `pg-boss` (needs `database.url`) or `bullmq`
 * (needs `jobs.redis_url` or `events.redis_url`). A missing URL is an InputError naming the key to set.
 */
export async function createJobQueue(
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
