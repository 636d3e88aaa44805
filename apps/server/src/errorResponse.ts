import { errorCodeOf, httpStatusOf, isOpspilotError, Timestamp } from '@opspilot/core';
import { z } from 'zod';

/** The body of every error response (seed 003 §8.3 ErrorResponse). */
export const ErrorResponse = z.object({
  error_code: z.string().min(1),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  trace_id: z.string().min(1),
  timestamp: Timestamp,
});

/** An error response body. */
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** An error as sent over HTTP: the status and the seed 003 body. */
export interface HttpError {
  status: number;
  body: ErrorResponse;
}

const CLIENT_ERROR_CODES: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  403: 'NOT_ALLOWED',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

function frameworkStatus(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Maps anything thrown while handling a request to its status and body. Opspilot errors take their status from
 * `httpStatusOf` and keep their message, details and hint (as `details.hint`); Fastify's own client errors (bad
 * JSON, wrong content type, body too large) keep their 4xx status as `INPUT`; anything else is a 500 whose message
 * reveals nothing — the `trace_id` finds it in the logs.
 */
export function toHttpError(error: unknown, traceId: string, now: Date = new Date()): HttpError {
  const timestamp = now.toISOString();
  if (isOpspilotError(error)) {
    const details = { ...error.details, ...(error.hint === undefined ? {} : { hint: error.hint }) };
    const body: ErrorResponse = {
      error_code: errorCodeOf(error),
      message: error.message,
      trace_id: traceId,
      timestamp,
    };
    if (Object.keys(details).length > 0) body.details = details;
    return { status: httpStatusOf(error), body };
  }
  const status = frameworkStatus(error);
  if (status !== undefined) {
    const message = error instanceof Error ? error.message : 'bad request';
    return {
      status,
      body: { error_code: CLIENT_ERROR_CODES[status] ?? 'INPUT', message, trace_id: traceId, timestamp },
    };
  }
  return {
    status: httpStatusOf(error),
    body: { error_code: errorCodeOf(error), message: 'internal error', trace_id: traceId, timestamp },
  };
}
