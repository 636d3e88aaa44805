import { randomUUID } from 'node:crypto';
import type { Job, JobQueue, ParkedJob, ProcessOptions } from '@opspilot/core';
import { UpstreamError } from '@opspilot/core';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobsLogger } from './jobsLogger.js';

/** Options of {@link createBullmqJobQueue}. */
export interface BullmqJobQueueOptions {
  /** `jobs.redis_url` (or `events.redis_url`). */
  url: string;
  /** Key prefix (`jobs.namespace`, default `opspilot`); one per deployment sharing a Redis. */
  prefix?: string;
  logger?: JobsLogger;
}

const KEPT = { count: 1_000 };

/**
 * The job queue on Redis (`jobs.queue: bullmq`): one BullMQ queue per job name, each job locked by the worker running
 * it (a lock it renews; a dead worker's job is found stalled and run again). Retries wait `backoff * 2^n`
 * (BullMQ's exponential back-off); a job whose attempts are used up stays in the queue's failed set (parked, the
 * last 1 000). An exclusive handler's queue has a global concurrency of 1; a schedule is a BullMQ job scheduler
 * (upserted by every process, one job per period).
 */
export async function createBullmqJobQueue(options: BullmqJobQueueOptions): Promise<JobQueue> {
  const prefix = options.prefix ?? 'opspilot';
  const connection = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
  connection.on('error', (error: Error) => options.logger?.warn({ err: error }, 'job queue Redis error'));
  try {
    await connection.connect();
  } catch (error) {
    connection.disconnect();
    throw new UpstreamError(`the BullMQ job queue cannot reach Redis: ${(error as Error).message}`, {
      source: 'redis',
      cause: error,
      hint: 'check jobs.redis_url (or events.redis_url)',
    });
  }
  const queues = new Map<string, Queue>();
  const workers = new Map<string, Worker>();
  const queueOf = (name: string) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix });
      queue.on('error', (error: Error) => options.logger?.warn({ err: error, job: name }, 'job queue error'));
      queues.set(name, queue);
    }
    return queue;
  };
  const retry = (attempts = 1, backoffMs = 1_000) => ({
    attempts,
    backoff: { type: 'exponential' as const, delay: backoffMs },
    removeOnComplete: KEPT,
    removeOnFail: KEPT,
  });

  const queue: JobQueue = {
    kind: 'bullmq',
    async enqueue(name, payload, opts = {}) {
      const job = await queueOf(name).add(name, payload, {
        ...retry(opts.attempts, opts.backoffMs),
        jobId: opts.jobId ?? randomUUID(),
        ...(opts.delayMs ? { delay: opts.delayMs } : {}),
      });
      return job.id ?? '';
    },
    async process<T>(name: string, handler: (job: Job<T>) => Promise<void>, opts: ProcessOptions = {}) {
      const q = queueOf(name);
      if (opts.exclusive) await q.setGlobalConcurrency(1);
      const worker = new Worker(
        name,
        async (job) => {
          await handler({ id: job.id ?? '', name, payload: job.data as T, attempt: job.attemptsMade + 1 });
        },
        { connection, prefix, concurrency: opts.exclusive ? 1 : (opts.concurrency ?? 1) },
      );
      worker.on('error', (error: Error) => options.logger?.warn({ err: error, job: name }, 'job worker error'));
      workers.set(name, worker);
      await worker.waitUntilReady();
    },
    async schedule(name, payload, opts) {
      const q = queueOf(name);
      await q.setGlobalConcurrency(1);
      await q.upsertJobScheduler(
        name,
        { every: opts.everyMs },
        { name, data: payload, opts: retry(opts.attempts, opts.backoffMs) },
      );
    },
    async parked(opts = {}) {
      const limit = opts.limit ?? 100;
      const failed = await Promise.all([...queues.values()].map((q) => q.getFailed(0, limit - 1)));
      return failed
        .flat()
        .map(
          (job): ParkedJob => ({
            id: job.id ?? '',
            name: job.name,
            payload: job.data,
            attempts: job.attemptsMade,
            error: job.failedReason ?? '',
            ...(job.finishedOn ? { failed_at: new Date(job.finishedOn).toISOString() } : {}),
          }),
        )
        .sort((a, b) => (b.failed_at ?? '').localeCompare(a.failed_at ?? ''))
        .slice(0, limit);
    },
    async ping() {
      // Not ready is lost (ioredis reconnects by itself): say so rather than queue a PING until it is back.
      const reason = connection.status === 'ready' ? undefined : `the connection is ${connection.status}`;
      try {
        if (reason) throw new Error(reason);
        await connection.ping();
      } catch (error) {
        throw new UpstreamError(`the BullMQ job queue lost Redis: ${(error as Error).message}`, {
          source: 'redis',
          cause: error,
          retryable: true,
          hint: 'check that Redis (jobs.redis_url, or events.redis_url) is running and reachable',
        });
      }
    },
    async pause() {
      await Promise.all([...workers.values()].map((w) => w.pause(true)));
    },
    async resume() {
      for (const worker of workers.values()) worker.resume();
    },
    async close() {
      await Promise.all([...workers.values()].map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
      await connection.quit().catch(() => connection.disconnect());
    },
  };
  return queue;
}
