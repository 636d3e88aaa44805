import type { Job, JobQueue, ParkedJob, ProcessOptions } from '@opspilot/core';
import { UpstreamError } from '@opspilot/core';
import PgBoss from 'pg-boss';
import type { JobsLogger } from './jobsLogger.js';

/** Options of {@link createPgBossJobQueue}. */
export interface PgBossJobQueueOptions {
  /** The PostgreSQL of the store (`database.url`). */
  connectionString: string;
  /** The schema pg-boss keeps its tables in (`jobs.namespace`, default `pgboss`). */
  schema?: string;
  /** How often an idle worker looks for jobs (default 1 s; pg-boss's floor is 0.5 s). */
  pollingIntervalSeconds?: number;
  logger?: JobsLogger;
}

// Two workers of a `singleton` queue both trying to start its one job: pg-boss refuses the second with this unique
// index, which is the exclusion working, not a fault.
const SINGLETON_CONFLICT = /job_i2|duplicate key/;
const seconds = (ms: number | undefined, fallback: number) => Math.max(1, Math.ceil((ms ?? fallback) / 1000));

/**
 * The job queue on PostgreSQL (`jobs.queue: pg-boss`): jobs are rows in pg-boss's schema, taken with
 * `FOR UPDATE SKIP LOCKED`, so each runs on one process; retries wait `backoff * 2^n` (with jitter), and a job whose
 * attempts are used up stays `failed` (parked) until pg-boss archives it. An exclusive handler's queue has pg-boss's
 * `singleton` policy: at most one active job across every process. A schedule is a throttled send from every process
 * (`singletonSeconds`), so one job per period is created whoever sends first.
 */
export async function createPgBossJobQueue(options: PgBossJobQueueOptions): Promise<JobQueue> {
  const schema = options.schema ?? 'pgboss';
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: 4,
    schedule: false,
    application_name: 'opspilot-jobs',
  });
  boss.on('error', (error: Error) => {
    if (SINGLETON_CONFLICT.test(error.message)) return;
    options.logger?.warn({ err: error }, 'job queue error');
  });
  try {
    await boss.start();
  } catch (error) {
    throw new UpstreamError(`the pg-boss job queue did not start: ${(error as Error).message}`, {
      source: 'postgres',
      cause: error,
      hint: 'check database.url and that the user may create the jobs.namespace schema',
    });
  }
  const created = new Map<string, Promise<void>>();
  const ensureQueue = (name: string, exclusive = false) => {
    let done = created.get(name);
    if (!done) {
      done = boss.createQueue(name, { name, policy: exclusive ? 'singleton' : 'standard' });
      created.set(name, done);
    }
    return done;
  };
  const workers = new Map<string, { handler: (job: Job<unknown>) => Promise<void>; options: ProcessOptions }>();
  const timers = new Set<NodeJS.Timeout>();
  let paused = false;

  const startWorker = async (name: string) => {
    const worker = workers.get(name);
    if (!worker) return;
    await boss.work(
      name,
      {
        includeMetadata: true,
        batchSize: 1,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
      },
      async ([job]) => {
        if (!job) return;
        await worker.handler({ id: job.id, name, payload: job.data, attempt: job.retryCount + 1 });
      },
    );
  };

  const queue: JobQueue = {
    kind: 'pg-boss',
    async enqueue(name, payload, opts = {}) {
      await ensureQueue(name);
      const id = await boss.send(name, (payload ?? {}) as object, {
        retryLimit: (opts.attempts ?? 1) - 1,
        retryDelay: seconds(opts.backoffMs, 1_000),
        retryBackoff: true,
        ...(opts.delayMs ? { startAfter: seconds(opts.delayMs, 0) } : {}),
        ...(opts.jobId ? { singletonKey: opts.jobId } : {}),
      });
      return id ?? opts.jobId ?? '';
    },
    async process(name, handler, opts = {}) {
      await ensureQueue(name, opts.exclusive);
      workers.set(name, { handler: handler as (job: Job<unknown>) => Promise<void>, options: opts });
      if (!paused) await startWorker(name);
    },
    async schedule(name, payload, opts) {
      await ensureQueue(name, true);
      const period = seconds(opts.everyMs, 1_000);
      const send = () =>
        boss
          .send(name, (payload ?? {}) as object, {
            singletonKey: name,
            singletonSeconds: period,
            retryLimit: (opts.attempts ?? 1) - 1,
            retryDelay: seconds(opts.backoffMs, 1_000),
            retryBackoff: true,
            // A run whose process died is failed (and retried) after this long, freeing the singleton.
            expireInSeconds: Math.max(30, 4 * period),
          })
          .catch((error: unknown) => options.logger?.warn({ err: error, job: name }, 'scheduling a job failed'));
      await send();
      const timer = setInterval(() => void send(), opts.everyMs);
      timer.unref();
      timers.add(timer);
    },
    async parked(opts = {}) {
      const { rows } = await boss.getDb().executeSql(
        `select id, name, data, retry_count, output, completed_on from ${schema}.job
          where state = 'failed' order by completed_on desc nulls last limit $1`,
        [opts.limit ?? 100],
      );
      return rows.map(
        (row): ParkedJob => ({
          id: String(row.id),
          name: String(row.name),
          payload: row.data,
          attempts: Number(row.retry_count) + 1,
          error: String(row.output?.message ?? row.output?.value?.message ?? JSON.stringify(row.output ?? null)),
          ...(row.completed_on ? { failed_at: new Date(row.completed_on).toISOString() } : {}),
        }),
      );
    },
    async pause() {
      if (paused) return;
      paused = true;
      await Promise.all([...workers.keys()].map((name) => boss.offWork(name)));
    },
    async resume() {
      if (!paused) return;
      paused = false;
      await Promise.all([...workers.keys()].map(startWorker));
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      await boss.stop({ graceful: true, wait: true, timeout: 8_000 });
    },
  };
  return queue;
}
