import { type Cluster, NotFoundError } from '@opspilot/core';
import { dueSchedules, nextRunAt, periodEnding } from '@opspilot/reports';
import type { StoredReportSchedule } from '@opspilot/store';
import type { ApiServices } from '../api/apiServices.js';
import { storeReport } from './storeReport.js';

type Services = Pick<ApiServices, 'store' | 'bus' | 'clock' | 'logger' | 'fleet' | 'gateways'>;

async function allClusters(services: Services): Promise<Cluster[]> {
  const out: Cluster[] = [];
  for (let page = 1; ; page++) {
    const got = await services.store.clusters.list({}, { page, page_size: 100 });
    out.push(...got.items);
    if (page >= got.total_pages) return out;
  }
}

/** The clusters a scope names (ids or names); all registered clusters for an empty scope. */
export async function clustersInScope(services: Services, scope: string[], visible?: Cluster[]): Promise<Cluster[]> {
  const all = visible ?? (await allClusters(services));
  if (scope.length === 0) return all;
  return scope.map((ref) => {
    const found = all.find((c) => c.id === ref || c.name === ref);
    if (!found)
      throw new NotFoundError(`cluster ${ref} not found`, { hint: 'list the clusters with `opspilot clusters`' });
    return found;
  });
}

/** Runs one schedule now: builds, stores and delivers its report, then records the outcome and the next run. */
export async function runSchedule(services: Services, schedule: StoredReportSchedule) {
  const now = services.clock.now();
  let status: string;
  let reportId: string | undefined;
  try {
    const result = await storeReport(services, {
      type: schedule.report_type,
      format: schedule.format,
      clusters: await clustersInScope(services, schedule.cluster_scope),
      period: periodEnding(now, schedule.period_days),
      title: schedule.name,
      generatedBy: 'system',
      scheduleId: schedule.id,
      ...(schedule.webhook_url ? { target: { url: schedule.webhook_url, secret: schedule.webhook_secret } } : {}),
    });
    reportId = result.report.id;
    status =
      result.delivery && !result.delivery.ok
        ? `DELIVERY FAILED after ${result.delivery.attempts} attempts: ${result.delivery.error ?? `HTTP ${result.delivery.status}`}`
        : result.missing.length > 0
          ? `PARTIAL (missing: ${result.missing.join(', ')})`
          : 'OK';
  } catch (error) {
    status = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
  }
  const next = nextRunAt(schedule.cron, schedule.timezone, now);
  await services.store.reportSchedules.update(schedule.id, {
    last_run_at: now.toISOString(),
    last_status: status,
    next_run_at: next?.toISOString(),
  });
  return { schedule_id: schedule.id, report_id: reportId, status };
}

/**
 * The scheduler's tick: runs every enabled schedule whose next run is due on the server's clock. Called every
 * minute by the server (and by `reports.runDue`); a run that fails is recorded on its schedule, never thrown.
 */
export async function runDueReports(services: Services) {
  const schedules = (await services.store.reportSchedules.list({ enabled: true }, { page_size: 100 })).items;
  const results = [];
  for (const schedule of dueSchedules(schedules, services.clock.now()))
    results.push(await runSchedule(services, schedule));
  return results;
}
