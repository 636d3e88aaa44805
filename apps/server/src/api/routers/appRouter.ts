import { router } from '../trpc.js';
import { alertsRouter } from './alertsRouter.js';
import { analyzeRouter } from './analyzeRouter.js';
import { anomaliesRouter } from './anomaliesRouter.js';
import { auditRouter } from './auditRouter.js';
import { authRouter } from './authRouter.js';
import { chatRouter } from './chatRouter.js';
import { clustersRouter } from './clustersRouter.js';
import { costOptimizerRouter } from './costOptimizerRouter.js';
import { deliveryRouter } from './deliveryRouter.js';
import { documentationGeneratorRouter } from './documentationGeneratorRouter.js';
import { eventsRouter } from './eventsRouter.js';
import { fleetRouter } from './fleetRouter.js';
import { gpusRouter } from './gpusRouter.js';
import { healingRouter } from './healingRouter.js';
import { incidentsRouter } from './incidentsRouter.js';
import { jobsRouter } from './jobsRouter.js';
import { logsRouter } from './logsRouter.js';
import { manifestsRouter } from './manifestsRouter.js';
import { metricsRouter } from './metricsRouter.js';
import { opsRouter } from './opsRouter.js';
import { reportsRouter } from './reportsRouter.js';
import { reviewsRouter } from './reviewsRouter.js';
import { securityRouter } from './securityRouter.js';
import { tokensRouter } from './tokensRouter.js';
import { tracesRouter } from './tracesRouter.js';
import { usersRouter } from './usersRouter.js';

/**
 * The opspilot API: one router per module of the seeds. Served as tRPC at `/api/trpc` and as REST (OpenAPI) at
 * `/api/v1`; the web app imports only the {@link AppRouter} type.
 */
export const appRouter = router({
  auth: authRouter,
  clusters: clustersRouter,
  audit: auditRouter,
  events: eventsRouter,
  fleet: fleetRouter,
  users: usersRouter,
  tokens: tokensRouter,
  reviews: reviewsRouter,
  analyze: analyzeRouter,
  manifests: manifestsRouter,
  ops: opsRouter,
  metrics: metricsRouter,
  gpus: gpusRouter,
  alerts: alertsRouter,
  incidents: incidentsRouter,
  anomalies: anomaliesRouter,
  logs: logsRouter,
  traces: tracesRouter,
  jobs: jobsRouter,
  healing: healingRouter,
  chat: chatRouter,
  security: securityRouter,
  costOptimizer: costOptimizerRouter,
  delivery: deliveryRouter,
  reports: reportsRouter,
  documentationGenerator: documentationGeneratorRouter,
});

/** The type of the API, for typed clients (`createTRPCClient<AppRouter>`). */
export type AppRouter = typeof appRouter;
