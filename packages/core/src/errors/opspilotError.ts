/**
 * The closed set of error codes opspilot raises. Each maps to exactly one HTTP status
 * (see {@link httpStatusOf}) and one CLI exit code (see {@link exitCodeOf}).
 */
export type ErrorCode = 'INPUT' | 'NOT_FOUND' | 'NOT_ALLOWED' | 'CONFLICT' | 'UPSTREAM' | 'RATE_LIMITED' | 'INTERNAL';

/** Options shared by every opspilot error. */
export interface OpspilotErrorOptions {
  /** What the user can do about it, in one sentence. */
  hint?: string;
  /** The underlying error, kept for logs. */
  cause?: unknown;
  /** Structured context (seed 003 §8.3 `details`). */
  details?: Record<string, unknown>;
}

/**
 * Base class of every error opspilot raises on purpose. Throw a subclass; catch this.
 * Expected failures should be returned as a {@link Result} instead.
 */
export class OpspilotError extends Error {
  readonly code: ErrorCode = 'INTERNAL';
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: OpspilotErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.details = options.details;
  }
}

/** Bad input from a user, a file, a model or a request: the caller must change it. */
export class InputError extends OpspilotError {
  override readonly code = 'INPUT' as const;
}

/** The named thing does not exist. */
export class NotFoundError extends OpspilotError {
  override readonly code = 'NOT_FOUND' as const;
}

/** The actor lacks the permission, or a policy refused the action. */
export class NotAllowedError extends OpspilotError {
  override readonly code = 'NOT_ALLOWED' as const;
}

/** The state changed under us (stale version, duplicate id, illegal state transition). */
export class ConflictError extends OpspilotError {
  override readonly code = 'CONFLICT' as const;
}

/** Options of an {@link UpstreamError}. */
export interface UpstreamErrorOptions extends OpspilotErrorOptions {
  /** Which system failed, e.g. `kubernetes`, `postgres`, `openai`. */
  source: string;
  /** The upstream status code, when it has one. */
  status?: number;
  /** Whether the same call may succeed if retried. */
  retryable?: boolean;
}

/** A system we depend on failed or could not be reached. */
export class UpstreamError extends OpspilotError {
  override readonly code = 'UPSTREAM' as const;
  readonly source: string;
  readonly status: number | undefined;
  readonly retryable: boolean;

  constructor(message: string, options: UpstreamErrorOptions) {
    super(message, options);
    this.source = options.source;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
  }
}

/** Options of a {@link RateLimitedError}. */
export interface RateLimitedErrorOptions extends OpspilotErrorOptions {
  /** Seconds until the caller may try again (HTTP `Retry-After`). */
  retryAfterSeconds: number;
}

/** Too many attempts (e.g. failed sign-ins) in a window: the caller must wait `retryAfterSeconds`. */
export class RateLimitedError extends OpspilotError {
  override readonly code = 'RATE_LIMITED' as const;
  readonly retryAfterSeconds: number;

  constructor(message: string, options: RateLimitedErrorOptions) {
    super(message, options);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** True when `value` is any opspilot error. */
export function isOpspilotError(value: unknown): value is OpspilotError {
  return value instanceof OpspilotError;
}
