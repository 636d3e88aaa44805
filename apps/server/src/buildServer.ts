import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import type { OpspilotConfig } from '@opspilot/config';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { ApiServices } from './api/apiServices.js';
import { registerApi } from './api/registerApi.js';
import { registerChatStream } from './chat/registerChatStream.js';
import { registerMcpRoute } from './chat/registerMcpRoute.js';
import { registerEventSocket } from './events/registerEventSocket.js';
import { registerHealthRoutes, type StoreHealth } from './healthRoutes.js';
import { createHttpMetrics, type HttpMetrics, registerHttpMetrics } from './httpMetrics.js';
import { registerLogFollowSocket } from './observe/registerLogFollowSocket.js';
import { registerErrorHandling } from './registerErrorHandling.js';
import { registerInputGuard } from './registerInputGuard.js';
import { registerWebApp } from './registerWebApp.js';
import { REQUEST_ID_HEADER, requestIdOf } from './requestId.js';
import { registerOtlpReceiver } from './traces/registerOtlpReceiver.js';
import { registerAlertmanagerWebhook } from './webhooks/registerAlertmanagerWebhook.js';
import { registerCiWebhooks } from './webhooks/registerCiWebhooks.js';

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
  /** The API's services; when given, the API, the event stream and the webhooks are served. */
  services?: ApiServices;
  /** The built dashboard (`apps/web/dist`), served at `/` when it holds an `index.html`. */
  webDistDir?: string;
}

/**
 * Builds the opspilot HTTP server without listening: request ids (the caller's `x-request-id` or a new UUID,
 * echoed back), JSON logs, `/healthz`, `/readyz`, `/metrics`, one guard on every body and query string (depth, NUL
 * characters) and one error handler answering seed 003 §8.3 bodies; with `services`, also the API (tRPC, REST, OpenAPI, Swagger UI), the `/api/events` WebSocket and the
 * Alertmanager webhook. Tests call `inject` on it; `main.ts` listens.
 */
export function buildServer(options: BuildServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    genReqId: requestIdOf,
    logController: new LogController({ requestIdLogLabel: 'request_id' }),
    // tRPC batches put several procedure names in one path segment.
    routerOptions: { maxParamLength: 5_000 },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  registerErrorHandling(app);
  registerInputGuard(app);
  registerHttpMetrics(app, options.metrics ?? createHttpMetrics());
  registerHealthRoutes(app, options.store);
  const { services } = options;
  if (services) {
    app.register(async (api) => {
      await api.register(cookie);
      // No permessage-deflate (also ws's default): it compresses per connection, so one event fanned out to a thousand
      // sockets would be compressed a thousand times and could not share one frame (see events/frameMessage.ts).
      await api.register(websocket, { options: { maxPayload: 64 * 1024, perMessageDeflate: false } });
      await registerApi(api, services);
      registerEventSocket(api, services);
      registerAlertmanagerWebhook(api, services);
      registerCiWebhooks(api, services);
      registerLogFollowSocket(api, services);
      registerOtlpReceiver(api, services);
      registerMcpRoute(api, services);
      registerChatStream(api, services);
    });
  }
  if (options.webDistDir) registerWebApp(app, options.webDistDir);
  return app;
}
