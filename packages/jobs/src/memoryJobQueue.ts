import { randomUUID } from 'node:crypto';
import type { Job, JobQueue, ParkedJob, ProcessOptions } from '@opspilot/core';

interface Waiting {
  id: string;
  name: string;
  payload: unknown;
  attempt: number;
  attempts: number;
  backoffMs: number;
}

type Handler = (job: Job<unknown>) => Promise<void>;

const PARKED_KEPT = 1_000;

/**
 * The in-process job queue (`jobs.queue: memory`, the default with the embedded SQLite store): jobs run in this
 * process only, retried with doubling back-off and parked (kept in memory, the last 1 000) when every attempt failed.
 * Schedules are timers of this process. Enough for one server; use pg-boss or BullMQ for several.
 */
export function createMemoryJobQueue(options: { defaultBackoffMs?: number } = {}): JobQueue {
  const handlers = new Map<string, { handler: Handler; concurrency: number; running: number; queue: Waiting[] }>();
  const pendingIds = new Set<string>();
  const parked: ParkedJob[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let paused = false;
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const pump = (name: string) => {
    const worker = handlers.get(name);
    if (!worker || paused || closed) return;
    while (worker.running < worker.concurrency && worker.queue.length > 0) {
      const job = worker.queue.shift() as Waiting;
      worker.running += 1;
      const run = worker
        .handler({ id: job.id, name, payload: job.payload, attempt: job.attempt })
        .then(
          () => {
            pendingIds.delete(job.id);
          },
          (error: unknown) => {
            if (job.attempt < job.attempts && !closed) {
              const delay = job.backoffMs * 2 ** (job.attempt - 1);
              later(delay, () => {
                worker.queue.push({ ...job, attempt: job.attempt + 1 });
                pump(name);
              });
              return;
            }
            pendingIds.delete(job.id);
            parked.unshift({
              id: job.id,
              name,
              payload: job.payload,
              attempts: job.attempt,
              error: error instanceof Error ? error.message : String(error),
              failed_at: new Date().toISOString(),
            });
            parked.length = Math.min(parked.length, PARKED_KEPT);
          },
        )
        .finally(() => {
          worker.running -= 1;
          running.delete(run);
          pump(name);
        });
      running.add(run);
    }
  };

  const add = (job: Waiting) => {
    let worker = handlers.get(job.name);
    if (!worker) {
      worker = { handler: async () => undefined, concurrency: 0, running: 0, queue: [] };
      handlers.set(job.name, worker);
    }
    worker.queue.push(job);
    pump(job.name);
  };

  const queue: JobQueue = {
    kind: 'memory',
    async enqueue(name, payload, opts = {}) {
      const id = opts.jobId ?? randomUUID();
      if (pendingIds.has(id)) return id;
      pendingIds.add(id);
      const job = {
        id,
        name,
        payload,
        attempt: 1,
        attempts: opts.attempts ?? 1,
        backoffMs: opts.backoffMs ?? options.defaultBackoffMs ?? 1_000,
      };
      if (opts.delayMs) later(opts.delayMs, () => add(job));
      else add(job);
      return id;
    },
    async process<T>(name: string, handler: (job: Job<T>) => Promise<void>, opts: ProcessOptions = {}) {
      const existing = handlers.get(name);
      handlers.set(name, {
        handler: handler as Handler,
        concurrency: opts.exclusive ? 1 : (opts.concurrency ?? 1),
        running: 0,
        queue: existing?.queue ?? [],
      });
      pump(name);
    },
    async schedule(name, payload, opts) {
      const timer = setInterval(() => {
        // One run per period: a run still waiting or running absorbs the next tick.
        void queue.enqueue(name, payload, {
          jobId: `schedule:${name}`,
          attempts: opts.attempts,
          backoffMs: opts.backoffMs,
        });
      }, opts.everyMs);
      timer.unref();
      timers.add(timer);
    },
    async parked(opts = {}) {
      return parked.slice(0, opts.limit ?? 100);
    },
    async pause() {
      paused = true;
    },
    async resume() {
      paused = false;
      for (const name of handlers.keys()) pump(name);
    },
    async close() {
      closed = true;
      for (const timer of timers) {
        clearTimeout(timer);
        clearInterval(timer);
      }
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
  return queue;
}
