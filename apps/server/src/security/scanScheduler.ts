import { dueSchedules, nextRunAt } from '@opspilot/security';
import type { StoredScanSchedule } from '@opspilot/store';
import type { ApiServices } from '../api/apiServices.js';
import { publishAudit } from '../events/publishAudit.js';
import { runSecurityScan } from './runSecurityScan.js';

/** How often the server looks for scheduled scans that are due. */
export const SCAN_SCHEDULER_INTERVAL_MS = 60_000;
/** The job that runs due scans (one process at a time when several share the queue). */
export const SCAN_SCHEDULER_JOB = 'security.schedules';

type Services = Pick<ApiServices, 'store' | 'bus' | 'clock' | 'gateways' | 'logger'>;

async function allSchedules(services: Services): Promise<StoredScanSchedule[]> {
  const out: StoredScanSchedule[] = [];
  for (let page = 1; ; page++) {
    const found = await services.store.scanSchedules.list({ enabled: true }, { page, page_size: 100 });
    out.push(...found.items);
    if (page >= found.total_pages) return out;
  }
}

/**
 * Runs every scheduled scan that is due: the scan is stored and announced like any other (`SECURITY_SCAN_COMPLETED`,
 * with `trigger: schedule`), audited as `security.scan` by `scheduler`, and the schedule moves to its next run in its
 * time zone. A cluster that cannot be read gives an offline scan, recorded as the run's status. Returns the runs.
 */
export async function runDueScans(
  services: Services,
): Promise<{ schedule_id: string; scan_id: string; status: string }[]> {
  const now = services.clock.now();
  const runs = [];
  for (const schedule of dueSchedules(await allSchedules(services), now)) {
    const next = nextRunAt(schedule.cron, schedule.timezone, now).toISOString();
    const cluster = await services.store.clusters.find(schedule.cluster_id);
    if (!cluster) continue;
    const scan = await runSecurityScan(services, cluster, {
      ...(schedule.namespace ? { namespace: schedule.namespace } : {}),
      trigger: { schedule_id: schedule.id },
    });
    await services.store.scanSchedules.update(schedule.id, {
      last_run_at: now.toISOString(),
      last_scan_id: scan.id,
      last_status: scan.status.toUpperCase(),
      next_run_at: next,
    });
    await publishAudit(services, {
      user_id: 'scheduler',
      action: 'security.scan',
      target: `cluster/${cluster.name}`,
      details: { scan_id: scan.id, status: scan.status, score: scan.score ?? null, schedule_id: schedule.id },
    });
    runs.push({ schedule_id: schedule.id, scan_id: scan.id, status: scan.status });
  }
  return runs;
}

/**
 * Looks for due scheduled scans every {@link SCAN_SCHEDULER_INTERVAL_MS}: as the scheduled job `security.schedules` of
 * the job queue when there is one (one process at a time), else on a timer of this process. Returns a stop function.
 */
export async function startScanScheduler(
  services: Services & Pick<ApiServices, 'jobs'>,
  intervalMs = SCAN_SCHEDULER_INTERVAL_MS,
): Promise<() => void> {
  const run = () =>
    runDueScans(services).catch((error: unknown) => services.logger.warn({ err: error }, 'scheduled scans failed'));
  if (services.jobs) {
    await services.jobs.process(SCAN_SCHEDULER_JOB, async () => void (await runDueScans(services)), {
      exclusive: true,
    });
    await services.jobs.schedule(SCAN_SCHEDULER_JOB, {}, { everyMs: intervalMs });
    return () => {};
  }
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
