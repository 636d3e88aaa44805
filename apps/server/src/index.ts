/**
 * @opspilot/server — the opspilot HTTP server. `main.ts` is the process entry (`npm start`); this index exposes
 * the pieces for tests and for embedding.
 */
export { type BuildServerOptions, buildServer } from './buildServer.js';
export { ErrorResponse, type HttpError, toHttpError } from './errorResponse.js';
export { type Readiness, registerHealthRoutes, type StoreHealth } from './healthRoutes.js';
export { createHttpMetrics, type HttpMetrics, registerHttpMetrics, UNMATCHED_ROUTE } from './httpMetrics.js';
export { openServerStore } from './openServerStore.js';
export { REQUEST_ID_HEADER, requestIdOf } from './requestId.js';
export { type RunningServer, type ServerStore, type StartServerOptions, startServer } from './startServer.js';
