import { fileURLToPath } from 'node:url';
import { describeConfig, ensureEncryptionKey, loadConfig } from '@opspilot/config';
import { exitCodeOf, isOpspilotError } from '@opspilot/core';
import { pino } from 'pino';
import { startAnomalyScan } from './anomaly/anomalyScan.js';
import { createApiServices } from './api/createApiServices.js';
import { bootstrapAdmin } from './auth/authService.js';
import { budgetScheduleFromEnv, startBudgetChecks } from './cost/budgetChecks.js';
import { observeRollouts } from './delivery/observeRollouts.js';
import { startHealing } from './healing/startHealing.js';
import { createBackgroundWork } from './jobs/createBackgroundWork.js';
import { simScrapes } from './metrics/simScrapes.js';
import { openServerStore } from './openServerStore.js';
import { printStartBanner } from './printStartBanner.js';
import { registerInCluster } from './registerInCluster.js';
import { EMBEDDED_SIM_CLUSTERS, registerSimCluster, SIM_CLUSTER_NAME } from './registerSimCluster.js';
import { startScanScheduler } from './security/scanScheduler.js';
import { type RunningServer, startServer } from './startServer.js';
import { startSimTraces } from './traces/startSimTraces.js';

// Entry of `npm start`: configuration, store (opened and migrated first), services, the simulated cluster, server;
// the first start creates an administrator and prints its credentials once; graceful stop on SIGINT/SIGTERM.
const SHUTDOWN_GRACE_MS = 10_000;
const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  let hint = isOpspilotError(error) ? error.hint : undefined;
  if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    hint = 'Another process uses the port: set PORT or OPSPILOT_SERVER_PORT to a free one.';
  }
  process.stderr.write(`error: ${message}\n${hint === undefined ? '' : `hint: ${hint}\n`}`);
  process.exit(exitCodeOf(error));
}

function stopOnSignals(server: RunningServer, logger: pino.Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const cwd = process.cwd();
const config = await loadConfig({ cwd })
  .then((loaded) => ensureEncryptionKey(loaded, cwd))
  .catch(fail);
const logger = pino({ level: config.log.level, base: { service: 'opspilot-server' } });
logger.debug({ config: describeConfig(config) }, 'configuration loaded');
const store = await openServerStore(config, cwd, logger).catch(fail);
const started = await (async () => {
  // The job queue, and with several processes the cluster leases that decide which process watches what.
  const work = await createBackgroundWork({ config, store, logger });
  const services = {
    ...(await createApiServices({ config, store, logger, fleet: work.fleetOptions })),
    jobs: work.jobs,
  };
  const admin = await bootstrapAdmin(store, services.auth, config.auth.admin_username);
  // Registered one after the other, sim-demo last: lists show the newest first, so it stays the default cluster.
  const sims: Awaited<ReturnType<typeof registerSimCluster>>[] = [];
  if (config.kube.cluster === 'simulated') {
    for (const spec of [...EMBEDDED_SIM_CLUSTERS].reverse()) sims.push(await registerSimCluster(services, spec));
  }
  // Without a Prometheus, the built-in sampler reads the embedded clusters' own metrics endpoints from now on.
  for (const { sim, cluster } of sims) services.metrics.sample(cluster, simScrapes(sim));
  // Every registered cluster (and the simulated one) is watched live from now on.
  await services.fleet.start();
  work.start(services.fleet, services.bus);
  const anomalyScan = await startAnomalyScan(services);
  const stopHealing = await startHealing(services);
  const stopRollouts = observeRollouts(services);
  // Budgets are checked on a schedule: OPSPILOT_COST_BUDGET_CRON in OPSPILOT_COST_BUDGET_TIMEZONE (default hourly).
  const budgetSchedule = budgetScheduleFromEnv();
  const budgetChecks = budgetSchedule
    ? await startBudgetChecks(services, budgetSchedule, (notices) => {
        if (notices.length) logger.info({ notices: notices.length }, 'budget thresholds reached');
      })
    : undefined;
  const stopScanScheduler = await startScanScheduler(services);
  const inCluster = await registerInCluster(services);
  if (inCluster)
    logger.info(
      { cluster: inCluster.name, api_server_url: inCluster.api_server_url },
      'registered the cluster this pod runs in',
    );
  let simTraces: { stop(): Promise<void> } | undefined;
  const server = await startServer({
    config,
    store: work.health(store),
    logger,
    services,
    jobs: work.jobs,
    webDistDir: WEB_DIST,
    onClose: async () => {
      await simTraces?.stop();
      anomalyScan.stop();
      stopHealing();
      stopRollouts();
      budgetChecks?.stop();
      stopScanScheduler();
      await Promise.all(sims.map((s) => s.sim.stop()));
      await work.close();
    },
  });
  // The embedded clusters' applications send their traces to this server's OTLP receiver.
  simTraces = await startSimTraces(services, sims, server.url);
  // The banner names every embedded simulated cluster, sim-demo first.
  const simulated = [...sims].sort(
    (a, b) => Number(b.cluster.name === SIM_CLUSTER_NAME) - Number(a.cluster.name === SIM_CLUSTER_NAME),
  );
  return { server, admin, simulated };
})().catch(async (error: unknown) => {
  await store.close();
  return fail(error);
});
printStartBanner(process.stdout, {
  url: config.server.public_url ?? started.server.url,
  admin: started.admin,
  simClusters: started.simulated.map((s) => ({ name: s.cluster.name, url: s.sim.url })),
});
stopOnSignals(started.server, logger);
