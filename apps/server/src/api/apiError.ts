import { InputError, isOpspilotError, NotAllowedError, NotFoundError, RateLimitedError } from '@opspilot/core';
import type { TRPCError } from '@trpc/server';
import { type HttpError, toHttpError } from '../errorResponse.js';

/** The status and message of a request without valid credentials (a framework-level 401, not a domain error). */
export class UnauthenticatedError extends Error {
  readonly statusCode = 401;
}

function issuesOf(cause: unknown): { path: PropertyKey[]; message: string }[] | undefined {
  const issues = (cause as { name?: unknown; issues?: unknown } | undefined)?.issues;
  return (cause as { name?: unknown })?.name === 'ZodError' && Array.isArray(issues) ? issues : undefined;
}

/** The error a tRPC failure stands for: the domain error thrown by a procedure, or one of core's for tRPC's own. */
export function domainErrorOf(error: TRPCError): unknown {
  const cause = error.cause;
  if (isOpspilotError(cause) || cause instanceof UnauthenticatedError) return cause;
  const issues = issuesOf(cause);
  if (issues) {
    const problems = issues.map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`);
    return new InputError(`invalid input: ${problems.join('; ')}`, {
      hint: 'correct the fields named above (see /api/docs for the schema)',
      details: { issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
    });
  }
  switch (error.code) {
    case 'UNAUTHORIZED':
      return new UnauthenticatedError(error.message);
    case 'FORBIDDEN':
      return new NotAllowedError(error.message);
    case 'NOT_FOUND':
      return new NotFoundError(error.message, { hint: 'see /api/docs for the available procedures' });
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
    case 'METHOD_NOT_SUPPORTED':
    case 'PAYLOAD_TOO_LARGE':
    case 'UNSUPPORTED_MEDIA_TYPE':
      return new InputError(error.message);
    default:
      return cause ?? error;
  }
}

/** A tRPC failure as an HTTP error: status from core's one mapping, seed 003 §8.3 body, `trace_id` = request id. */
export function toApiError(error: TRPCError, traceId: string, now: Date): HttpError {
  return toHttpError(domainErrorOf(error), traceId, now);
}

/** Extra response headers an error calls for (`Retry-After` for a rate limit). */
export function errorHeaders(error: TRPCError): Record<string, string> {
  const domain = domainErrorOf(error);
  return domain instanceof RateLimitedError ? { 'retry-after': String(domain.retryAfterSeconds) } : {};
}
