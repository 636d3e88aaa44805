import type { OpspilotConfig } from '@opspilot/config';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { registerHealthRoutes, type StoreHealth } from './healthRoutes.js';
import { createHttpMetrics, type HttpMetrics, registerHttpMetrics } from './httpMetrics.js';
import { registerErrorHandling } from './registerErrorHandling.js';
import { REQUEST_ID_HEADER, requestIdOf } from './requestId.js';

/** What the server is built from; `main.ts` opens and migrates the store before building. */
export interface BuildServerOptions {
  /** The effective configuration (routes read their settings from it). */
  config: OpspilotConfig;
  /** The opened store; readiness pings it. */
  store: StoreHealth;
  /** A pino logger; every request logs through a child carrying its request id. */
  logger: FastifyBaseLogger;
  /** The metrics registry to record into; a fresh one by default. */
  metrics?: HttpMetrics;
}

/**
 * Builds the opspilot HTTP server without listening: request ids (the caller's `x-request-id` or a new UUID,
 * echoed back), JSON logs, `/healthz`, `/readyz`, `/metrics`, and one error handler answering seed 003 §8.3
 * bodies. Tests call `inject` on it; `main.ts` listens.
 */
export function buildServer(options: BuildServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  registerErrorHandling(app);
  registerHttpMetrics(app, options.metrics ?? createHttpMetrics());
  registerHealthRoutes(app, options.store);
  return app;
}
