import { NotFoundError } from '@opspilot/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toHttpError } from './errorResponse.js';

/**
 * Fastify's "body too large" with the limit in bytes and, when the route names it in `config.bodyLimitSetting`, the
 * setting that raises it.
 */
function tooLargeNamed(error: unknown, request: FastifyRequest): unknown {
  if ((error as { code?: unknown }).code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return error;
  const limit = request.routeOptions.bodyLimit;
  const setting = (request.routeOptions.config as { bodyLimitSetting?: unknown }).bodyLimitSetting;
  const raise = typeof setting === 'string' ? `; the limit is the server setting ${setting}` : '';
  return Object.assign(new Error(`request body larger than ${limit} bytes${raise}`), { statusCode: 413 });
}

/**
 * Installs the single error handler and the not-found handler: every failure, including an unknown route, answers
 * with the seed 003 §8.3 body and the request id as `trace_id`. Server errors are logged with their stack.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toHttpError(tooLargeNamed(error, request), request.id);
    if (status >= 500) request.log.error({ err: error, trace_id: request.id }, 'request failed');
    else request.log.info({ error_code: body.error_code, trace_id: request.id }, body.message);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new NotFoundError(`no route ${request.method} ${request.url.split('?')[0]}`, {
      hint: 'See the API reference for the available routes.',
    });
    const { status, body } = toHttpError(error, request.id);
    return reply.status(status).send(body);
  });
}
