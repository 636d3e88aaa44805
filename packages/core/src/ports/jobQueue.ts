/** Options of {@link JobQueue.enqueue}. */
export interface EnqueueOptions {
  delayMs?: number;
  attempts?: number;
  /** Deduplicates: a second job with the same id is ignored while the first exists. */
  jobId?: string;
}

/** A job as a handler sees it. */
export interface Job<T = unknown> {
  id: string;
  name: string;
  payload: T;
  attempt: number;
}

/** Background work: in-process by default, Redis (BullMQ) when several workers run. */
export interface JobQueue {
  enqueue<T>(name: string, payload: T, options?: EnqueueOptions): Promise<string>;
  process<T>(name: string, handler: (job: Job<T>) => Promise<void>, options?: { concurrency?: number }): void;
  close(): Promise<void>;
}
