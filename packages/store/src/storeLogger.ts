/**
 * The logging the store does (pino-compatible: a pino logger can be passed as is): one line when it opens, one when
 * migrations are applied, a warning when an idle PostgreSQL connection fails, and failed queries at debug level.
 */
export interface StoreLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  debug?(fields: Record<string, unknown>, message: string): void;
}
