import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

/** The header carrying a request id in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming request id is honoured only if it is short and made of safe characters (it ends up in logs). */
const IncomingRequestId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/);

/**
 * Fastify's `genReqId`: the caller's `x-request-id` when it is a safe token (so a trace crosses services),
 * otherwise a new UUID v4.
 */
export function requestIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const parsed = IncomingRequestId.safeParse(request.headers[REQUEST_ID_HEADER]);
  return parsed.success ? parsed.data : randomUUID();
}
