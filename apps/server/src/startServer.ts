import type { OpspilotConfig } from '@opspilot/config';
import type { JobQueue } from '@opspilot/core';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ApiServices } from './api/apiServices.js';
import { recoverOperations, stopApplying } from './api/serverOperations.js';
import { buildServer } from './buildServer.js';
import type { StoreHealth } from './healthRoutes.js';
import { incidentsOf } from './incidents/incidentServices.js';
import { startReportScheduler } from './reports/reportScheduler.js';

/** The store as the server process holds it: pinged for readiness, closed on shutdown. */
export interface ServerStore extends StoreHealth {
  close(): Promise<void>;
}

const RECOVERY_INTERVAL_MS = 30_000;
/** How long shutdown waits for applies in progress to stop after their current step (below main's 10 s grace). */
const APPLY_GRACE_MS = 8_000;

/** A listening server. */
export interface RunningServer {
  app: FastifyInstance;
  /** The address it listens on, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. Idempotent. */
  close(): Promise<void>;
}

/** What {@link startServer} needs: the configuration, an opened and migrated store, and the logger. */
export interface StartServerOptions {
  config: OpspilotConfig;
  store: ServerStore;
  logger: FastifyBaseLogger;
  /** The API's services (see `createApiServices`); without them only health and metrics are served. */
  services?: ApiServices & { close(): Promise<void> };
  /** The built dashboard to serve at `/` (when present). */
  webDistDir?: string;
  /** Called on close after the server stopped and before the store closes (e.g. stopping the simulated cluster). */
  onClose?: () => Promise<void>;
  /**
   * The job queue: when given, the 30 s recovery round is a scheduled job (`operations.recover`) that one process at a
   * time runs, instead of a timer of every process.
   */
  jobs?: JobQueue;
}

/**
 * Builds the server and listens on `server.host:server.port` (port 0 picks a free port, for tests). Logs
 * `opspilot listening on <url>` once, reconciles operations left APPLYING by a process that died (at start and every
 * 30 s), and on `close()` stops applies in progress after their current step. The caller owns the process: `main.ts`
 * wires signals to `close()`.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, store, logger, services } = options;
  const app = buildServer({ config, store, logger, services, webDistDir: options.webDistDir });
  const url = await app.listen({
    host: config.server.host,
    port: config.server.port,
    listenTextResolver: (address) => `opspilot listening on ${address}`,
  });
  // Operations a killed server or CLI left APPLYING are reconciled at start and then every 30 s.
  const recover = () =>
    services
      ? recoverOperations(services).catch((error: unknown) => logger.warn({ err: error }, 'operation recovery failed'))
      : Promise.resolve();
  const recovering = recover();
  let recovery: NodeJS.Timeout | undefined;
  if (options.jobs && services) {
    await options.jobs.process(
      'operations.recover',
      async () => {
        await recoverOperations(services);
      },
      { exclusive: true },
    );
    await options.jobs.schedule('operations.recover', {}, { everyMs: RECOVERY_INTERVAL_MS });
  } else {
    recovery = setInterval(() => void recover(), RECOVERY_INTERVAL_MS);
    recovery.unref();
  }
  // Scheduled reports: the schedules that are due run once a minute, each fire time once across the job queue.
  const stopReports = services
    ? await startReportScheduler({ ...services, jobs: options.jobs ?? services.jobs })
    : undefined;
  // The incident commander: restores its incidents, resumes interrupted runbooks, then listens for signals.
  const incidents = services ? incidentsOf(services) : undefined;
  const incidentsStarted = incidents
    ?.start()
    .catch((error: unknown) => logger.warn({ err: error }, 'starting incidents failed'));
  let closing: Promise<void> | undefined;
  return {
    app,
    url,
    close() {
      closing ??= (async () => {
        try {
          clearInterval(recovery);
          stopReports?.();
          await recovering;
          await incidentsStarted;
          incidents?.stop();
          await stopApplying(APPLY_GRACE_MS);
          await app.close();
          await services?.close();
          await options.onClose?.();
        } finally {
          await store.close();
        }
      })();
      return closing;
    },
  };
}
