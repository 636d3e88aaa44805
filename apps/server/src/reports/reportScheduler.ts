import { type Cluster, NotFoundError } from '@opspilot/core';
import { dueSchedules, nextRunAt, periodEnding } from '@opspilot/reports';
import type { StoredReportSchedule } from '@opspilot/store';
import type { ApiServices } from '../api/apiServices.js';
import { storeReport } from './storeReport.js';

type Services = Pick<ApiServices, 'store' | 'bus' | 'clock' | 'logger' | 'fleet' | 'gateways' | 'metrics'>;

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

/** The job that runs one fire time of one report schedule; its id names both, so it is queued once. */
export const REPORT_SCHEDULE_JOB = 'reports.schedule.run';

/** What the {@link REPORT_SCHEDULE_JOB} job carries. */
export interface ScheduleFire {
  schedule_id: string;
  /** The `next_run_at` the run is for (ISO 8601). */
  fire_at: string;
}

/** The outcome of one run of a schedule, as the API returns it. */
export interface ScheduleRun {
  schedule_id: string;
  report_id?: string;
  status: string;
}

/**
 * Builds, stores and delivers a schedule's report now and records the outcome (`last_run_at`, `last_status`);
 * `next` replaces `next_run_at` unless the run was claimed for a fire time, which set it already.
 */
export async function runSchedule(
  services: Services,
  schedule: StoredReportSchedule,
  next: { next_run_at?: string } | 'claimed' = {
    next_run_at: nextRunAt(schedule.cron, schedule.timezone, services.clock.now())?.toISOString(),
  },
): Promise<ScheduleRun> {
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
  await services.store.reportSchedules.update(schedule.id, {
    last_run_at: now.toISOString(),
    last_status: status,
    ...(next === 'claimed' ? {} : { next_run_at: next.next_run_at }),
  });
  return { schedule_id: schedule.id, report_id: reportId, status };
}

/**
 * Runs one fire time of a schedule, once: the schedule is read again and its fire time claimed with a conditional
 * update (`claimRun`), so a fire time already run — by this or another server — or a schedule disabled, changed or
 * deleted meanwhile runs nothing (undefined).
 */
export async function runScheduleFire(services: Services, fire: ScheduleFire): Promise<ScheduleRun | undefined> {
  const schedule = await services.store.reportSchedules.find(fire.schedule_id);
  if (!schedule?.enabled || schedule.next_run_at !== fire.fire_at) return undefined;
  const after = new Date(Math.max(services.clock.now().getTime(), Date.parse(fire.fire_at)));
  const next = nextRunAt(schedule.cron, schedule.timezone, after)?.toISOString();
  if (!(await services.store.reportSchedules.claimRun(schedule.id, fire.fire_at, next))) return undefined;
  return runSchedule(services, schedule, 'claimed');
}

const jobIdOf = (fire: ScheduleFire) =>
  `${REPORT_SCHEDULE_JOB}.${fire.schedule_id}.${Date.parse(fire.fire_at)}`.replace(/[^a-zA-Z0-9._-]/g, '-');

/**
 * The scheduler's tick: every enabled schedule whose next run is due on the server's clock. With a job queue each
 * fire time becomes one {@link REPORT_SCHEDULE_JOB} job whose id names the schedule and the fire time, so the
 * ticks of several servers queue it once (status `QUEUED`); without one it runs here. Either way the run claims its
 * fire time first ({@link runScheduleFire}), so it happens once. A run that fails is recorded on its schedule,
 * never thrown.
 */
export async function runDueReports(services: Services & Pick<ApiServices, 'jobs'>): Promise<ScheduleRun[]> {
  const schedules = (await services.store.reportSchedules.list({ enabled: true }, { page_size: 100 })).items;
  const results: ScheduleRun[] = [];
  for (const schedule of dueSchedules(schedules, services.clock.now())) {
    const fire = { schedule_id: schedule.id, fire_at: schedule.next_run_at as string };
    if (services.jobs) {
      await services.jobs.enqueue(REPORT_SCHEDULE_JOB, fire, { jobId: jobIdOf(fire) });
      results.push({ schedule_id: schedule.id, status: 'QUEUED' });
    } else {
      const run = await runScheduleFire(services, fire);
      if (run) results.push(run);
    }
  }
  return results;
}

/**
 * Starts the report scheduler of a server: with a job queue, registers the handler of {@link REPORT_SCHEDULE_JOB}
 * (any server may take a fire time; it runs once); then ticks {@link runDueReports} every `intervalMs` (a minute).
 * Returns the function that stops the ticks.
 */
export async function startReportScheduler(
  services: Services & Pick<ApiServices, 'jobs'>,
  intervalMs = 60_000,
): Promise<() => void> {
  if (services.jobs) {
    await services.jobs.process<ScheduleFire>(REPORT_SCHEDULE_JOB, async (job) => {
      await runScheduleFire(services, job.payload);
    });
  }
  const timer = setInterval(
    () =>
      void runDueReports(services).catch((error: unknown) =>
        services.logger.warn({ err: error }, 'scheduled reports failed'),
      ),
    intervalMs,
  );
  timer.unref();
  return () => clearInterval(timer);
}
