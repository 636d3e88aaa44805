/** Where a job queue reports what it cannot hand to a caller (pino-compatible). */
export interface JobsLogger {
  warn(obj: object, msg?: string): void;
}
