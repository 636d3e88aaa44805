import { type ErrorCode, OpspilotError } from './opspilotError.js';

const HTTP_STATUS: Record<ErrorCode, number> = {
  INPUT: 400,
  NOT_FOUND: 404,
  NOT_ALLOWED: 403,
  CONFLICT: 409,
  UPSTREAM: 502,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/**
 * CLI exit codes: 0 ok, 1 findings or refused, 2 usage or runtime error.
 * A refusal by policy (NOT_ALLOWED) or a rate limit (RATE_LIMITED) is a "refused" outcome, everything else an error.
 */
const EXIT_CODE: Record<ErrorCode, number> = {
  INPUT: 2,
  NOT_FOUND: 2,
  NOT_ALLOWED: 1,
  CONFLICT: 2,
  UPSTREAM: 2,
  RATE_LIMITED: 1,
  INTERNAL: 2,
};

/** The one place an error becomes an HTTP status. Unknown errors are 500. */
export function httpStatusOf(error: unknown): number {
  return error instanceof OpspilotError ? HTTP_STATUS[error.code] : 500;
}

/** The one place an error becomes a CLI exit code. Unknown errors are 2. */
export function exitCodeOf(error: unknown): number {
  return error instanceof OpspilotError ? EXIT_CODE[error.code] : 2;
}

/** Seed 003 §8.3 `error_code` for an error, e.g. `NOT_FOUND`. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof OpspilotError ? error.code : 'INTERNAL';
}
