/**
 * @opspilot/server — the opspilot HTTP server. `main.ts` is the process entry (`npm start`); this index exposes
 * the pieces for tests, benchmarks and embedding, and the {@link AppRouter} type for typed clients (the web app
 * imports only that type).
 */

export { hashPassword, verifyPassword } from '@opspilot/store';
export type { ApiServices } from './api/apiServices.js';
export { type CreateApiServicesOptions, createApiServices } from './api/createApiServices.js';
export { API_PATHS, buildOpenApiDocument } from './api/registerApi.js';
export { type AppRouter, appRouter } from './api/routers/appRouter.js';
export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './auth/authenticateRequest.js';
export { type AuthService, type BootstrapAdmin, bootstrapAdmin, createAuthService } from './auth/authService.js';
export type { Principal } from './auth/principal.js';
export { type BuildServerOptions, buildServer } from './buildServer.js';
export { ErrorResponse, type HttpError, toHttpError } from './errorResponse.js';
export { EVENTS_PATH } from './events/registerEventSocket.js';
export { type Readiness, registerHealthRoutes, type StoreHealth } from './healthRoutes.js';
export { createHttpMetrics, type HttpMetrics, registerHttpMetrics, UNMATCHED_ROUTE } from './httpMetrics.js';
export { openServerStore } from './openServerStore.js';
export { SIM_CLUSTER_NAME } from './registerSimCluster.js';
export { REQUEST_ID_HEADER, requestIdOf } from './requestId.js';
export { type RunningServer, type ServerStore, type StartServerOptions, startServer } from './startServer.js';
export { ALERTMANAGER_WEBHOOK_PATH } from './webhooks/registerAlertmanagerWebhook.js';
