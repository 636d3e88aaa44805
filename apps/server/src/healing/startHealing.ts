import { createHealingEngine, HEALING_PASS_JOB, type HealingPassReport } from '@opspilot/remediate';
import type { ApiServices } from '../api/apiServices.js';
import { publishAudit } from '../events/publishAudit.js';
import { rememberFix, stopSettling } from './fixSettlement.js';
import { resumeFixSettles } from './resumeFixSettles.js';
import { serverRemediator } from './serverRemediator.js';
import { serverRunbooks } from './serverRunbooks.js';

/** How often healing rules are evaluated (one pass over every cluster with an enabled rule). */
export const HEALING_INTERVAL_MS = 60_000;

/**
 * Runs one healing pass for a registered cluster: its enabled rules against its findings, its anomalies (the anomaly
 * store) and its open incidents now, with the incident runbooks for rules that run one.
 */
export async function runHealingPass(
  services: ApiServices,
  clusterId: string,
  options: { recover?: boolean } = {},
): Promise<HealingPassReport> {
  const remediator = await serverRemediator(services, clusterId);
  const engine = createHealingEngine({
    gateway: await services.gateways.get(clusterId),
    clock: services.clock,
    audit: { ...services.store.audit, append: (entry) => publishAudit(services, entry) },
    store: { rules: services.store.healingRules, actions: services.store.healingActions },
    remediator,
    clusterId,
    events: services.bus,
    alerts: {
      firing: async () =>
        (await services.store.alerts.list({ cluster_id: clusterId, state: 'FIRING' }, { page_size: 100 })).items,
    },
    triggers: {
      anomalies: async (since) =>
        (
          await services.store.anomalies.list(
            { cluster_id: clusterId, detected_at: { gte: since.toISOString() } },
            { page_size: 100 },
          )
        ).items,
      incidents: async () =>
        (await services.store.incidents.list({ cluster_id: clusterId }, { page_size: 100 })).items.filter(
          (i) => i.status !== 'RESOLVED' && i.status !== 'CLOSED',
        ),
    },
    runbooks: await serverRunbooks(services, clusterId),
    // An approval-mode fix is settled by whoever applies it (`ops.apply`), like the Fix button's.
    remember: (operation, fix) => rememberFix(services, operation, fix),
  });
  return engine.runPass(options);
}

/**
 * One pass over every registered cluster that an enabled rule applies to. `recover`: the first pass of this process,
 * which recovers at once the actions a stopped process left running (their fixes' settle windows run again).
 */
export async function runHealingPasses(services: ApiServices, options: { recover?: boolean } = {}): Promise<void> {
  const { items: rules } = await services.store.healingRules.list({ enabled: true }, { page_size: 100 });
  if (rules.length === 0) return;
  const clusters = await services.store.clusters.list({}, { page_size: 100 });
  for (const cluster of clusters.items) {
    if (!rules.some((r) => !r.cluster_id || r.cluster_id === cluster.id)) continue;
    try {
      const report = await runHealingPass(services, cluster.id, options);
      if (report.actions.length > 0 || report.paused.length > 0) {
        services.logger.info(
          { cluster_id: cluster.id, actions: report.actions.length, paused: report.paused.length },
          'healing pass',
        );
      }
    } catch (error) {
      services.logger.warn({ err: error, cluster_id: cluster.id }, 'healing pass failed');
    }
  }
}

/**
 * Evaluates the healing rules every {@link HEALING_INTERVAL_MS}: as the exclusive job `healing.pass` of the job queue
 * when there is one (one process acts at a time), else on a timer of this process; the first pass recovers what a
 * stopped process left running, and the fixes whose settle window a stopped process was running are settled again.
 * Returns how to stop: the timer, and the settles in progress (left VERIFYING for the next start).
 */
export async function startHealing(services: ApiServices, intervalMs = HEALING_INTERVAL_MS): Promise<() => void> {
  // Fixes a stopped process was settling are settled again from the cluster's current state.
  void resumeFixSettles(services)
    .then((ids) => ids.length && services.logger.info({ operations: ids }, 'resumed settling fixes'))
    .catch((error: unknown) => services.logger.warn({ err: error }, 'resuming fix settles failed'));
  let recover = true;
  const pass = async () => {
    const first = recover;
    recover = false;
    await runHealingPasses(services, { recover: first });
  };
  if (services.jobs) {
    await services.jobs.process(HEALING_PASS_JOB, pass, { exclusive: true });
    await services.jobs.schedule(HEALING_PASS_JOB, {}, { everyMs: intervalMs });
    return () => void stopSettling();
  }
  const timer = setInterval(
    () => void pass().catch((error: unknown) => services.logger.warn({ err: error }, 'healing failed')),
    intervalMs,
  );
  timer.unref();
  return () => {
    clearInterval(timer);
    void stopSettling();
  };
}
