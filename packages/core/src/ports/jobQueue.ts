/** Options of {@link JobQueue.enqueue}. */
export interface EnqueueOptions {
  /** Run no earlier than this long from now. */
  delayMs?: number;
  /** Tries in total before the job is parked (default 1: no retry). */
  attempts?: number;
  /** Wait before the first retry; each later retry waits twice as long as the one before (default 1 s). */
  backoffMs?: number;
  /** Deduplicates: a second job with the same id is ignored while the first is waiting or running. */
  jobId?: string;
}

/** A job as a handler sees it. */
export interface Job<T = unknown> {
  id: string;
  name: string;
  payload: T;
  /** 1 on the first try. */
  attempt: number;
}

/** Options of {@link JobQueue.process}. */
export interface ProcessOptions {
  /** Jobs of this name run at once on this worker (default 1). */
  concurrency?: number;
  /**
   * Never two jobs of this name at once across every worker of the queue (scheduled jobs, per-cluster work);
   * implies a concurrency of 1.
   */
  exclusive?: boolean;
}

/** Options of {@link JobQueue.schedule}. */
export interface ScheduleOptions {
  /** One run per period of this length, whichever worker takes it. */
  everyMs: number;
  /** Tries in total before a run is parked (default 1). */
  attempts?: number;
  /** Wait before the first retry, doubled for each later one (default 1 s). */
  backoffMs?: number;
}

/** A job whose every attempt failed: kept aside (dead-lettered) for an operator to look at. */
export interface ParkedJob {
  id: string;
  name: string;
  payload: unknown;
  /** Tries made. */
  attempts: number;
  /** The last failure's message. */
  error: string;
  /** When it was parked (ISO 8601), when the queue knows. */
  failed_at?: string;
}

/**
 * Background work that must survive a request (scans, reports, scheduled checks, healing runs): in-process by
 * default, PostgreSQL (pg-boss) or Redis (BullMQ) when several server processes share the work. Payloads must be
 * JSON-serialisable. A handler that rejects is retried with back-off until its attempts are used up, then parked.
 */
export interface JobQueue {
  /** Which implementation runs the jobs (`memory`, `pg-boss`, `bullmq`). */
  readonly kind: string;
  /** Returns the job's id. */
  enqueue<T>(name: string, payload: T, options?: EnqueueOptions): Promise<string>;
  /** Registers the handler of jobs called `name` on this worker; resolves once it takes jobs. */
  process<T>(name: string, handler: (job: Job<T>) => Promise<void>, options?: ProcessOptions): Promise<void>;
  /** Runs a job called `name` once per `everyMs` across every worker (needs a handler registered with `process`). */
  schedule<T>(name: string, payload: T, options: ScheduleOptions): Promise<void>;
  /** Jobs that failed every attempt, newest first. */
  parked(options?: { limit?: number }): Promise<ParkedJob[]>;
  /** Stops taking new jobs on this worker (e.g. while the database is lost); running ones finish. */
  pause(): Promise<void>;
  /** Takes jobs again after {@link JobQueue.pause}. */
  resume(): Promise<void>;
  /**
   * Resolves when the service the queue keeps its jobs in answers (BullMQ: its Redis connection); rejects saying
   * why when it is lost. Absent when there is nothing of its own to lose (in-process; pg-boss uses the database).
   */
  ping?(): Promise<void>;
  /** Stops taking jobs, waits for running ones, releases connections. */
  close(): Promise<void>;
}
