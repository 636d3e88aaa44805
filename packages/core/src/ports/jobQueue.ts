/** Options of {@link JobQueue.enqueue}. */
export interface EnqueueOptions {
  /** Run no earlier than this long from now. */
  delayMs?: number;
  /** Tries in total before the job is given up (default 1: no retry). */
  attempts?: number;
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
}

/**
 * Background work that must survive a request (scans, reports, scheduled checks, healing runs): in-process by
 * default, Redis (BullMQ) when several workers run. Payloads must be JSON-serialisable. A handler that rejects
 * is retried until its attempts are used up.
 */
export interface JobQueue {
  /** Returns the job's id. */
  enqueue<T>(name: string, payload: T, options?: EnqueueOptions): Promise<string>;
  /** Registers the handler of jobs called `name` on this worker. */
  process<T>(name: string, handler: (job: Job<T>) => Promise<void>, options?: ProcessOptions): void;
  /** Stops taking jobs, waits for running ones, releases connections. */
  close(): Promise<void>;
}
