/**
 * @opspilot/jobs — implementations of core's `JobQueue` port: in-process (default), pg-boss on PostgreSQL and BullMQ
 * on Redis, chosen by `jobs.queue` through {@link createJobQueue}.
 */
export { type BullmqJobQueueOptions, createBullmqJobQueue } from './bullmqJobQueue.js';
export { createJobQueue, type JobQueueSettings } from './createJobQueue.js';
export type { JobsLogger } from './jobsLogger.js';
export { createMemoryJobQueue } from './memoryJobQueue.js';
export { createPgBossJobQueue, type PgBossJobQueueOptions } from './pgBossJobQueue.js';
