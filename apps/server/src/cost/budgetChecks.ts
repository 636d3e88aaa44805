import type { Cluster } from '@opspilot/core';
import type { BudgetNotice } from '@opspilot/cost';
import { type BudgetSchedule, nextBudgetCheck, parseBudgetSchedule } from '@opspilot/cost';
import type { ApiServices } from '../api/apiServices.js';
import { checkBudgets } from './checkBudgets.js';

/** The job of the queue that checks the budgets once per fire time of the schedule. */
export const BUDGET_CHECK_JOB = 'cost.budgets.check';

/** The running schedule of {@link startBudgetChecks}. */
export interface BudgetChecks {
  schedule: BudgetSchedule;
  /** When the next check is due. */
  next(): Date | undefined;
  stop(): void;
}

/**
 * The schedule of the server: `OPSPILOT_COST_BUDGET_CRON` (default `0 * * * *`, every hour) in
 * `OPSPILOT_COST_BUDGET_TIMEZONE` (default UTC); `OPSPILOT_COST_BUDGET_CRON=off` turns the checks off. A bad
 * expression or time zone is an InputError at start-up.
 */
export function budgetScheduleFromEnv(env: Record<string, string | undefined> = process.env) {
  if (env.OPSPILOT_COST_BUDGET_CRON === 'off') return undefined;
  return parseBudgetSchedule({
    ...(env.OPSPILOT_COST_BUDGET_CRON ? { cron: env.OPSPILOT_COST_BUDGET_CRON } : {}),
    ...(env.OPSPILOT_COST_BUDGET_TIMEZONE ? { timezone: env.OPSPILOT_COST_BUDGET_TIMEZONE } : {}),
  });
}

async function allClusters(services: Pick<ApiServices, 'store'>): Promise<Cluster[]> {
  const out: Cluster[] = [];
  for (let page = 1; ; page++) {
    const found = await services.store.clusters.list({}, { page, page_size: 100 });
    out.push(...found.items);
    if (page >= found.total_pages) return out;
  }
}

/**
 * Checks every enabled budget of every cluster at each time the schedule fires (cron in its time zone, read on the
 * services' clock, so tests drive it): new thresholds reached become budget notices, `BUDGET_ALERT` events and
 * webhook posts (see `checkBudgets`). With a job queue the check is the job `cost.budgets.check`, enqueued with one
 * id per fire time, so several server processes run it once; without, it runs in this process. `onChecked` is told
 * the notices of each check (for logs and tests).
 */
export async function startBudgetChecks(
  services: ApiServices,
  schedule: BudgetSchedule,
  onChecked: (notices: BudgetNotice[], at: Date) => void = () => {},
): Promise<BudgetChecks> {
  const controller = new AbortController();
  const check = async (at: Date) => {
    try {
      onChecked(await checkBudgets(services, await allClusters(services), controller.signal), at);
    } catch (error) {
      services.logger.warn({ err: error }, 'scheduled budget check failed');
    }
  };
  const { jobs } = services;
  if (jobs) {
    await jobs.process<{ at: string }>(BUDGET_CHECK_JOB, (job) => check(new Date(job.payload.at)), {
      exclusive: true,
    });
  }
  let next = nextBudgetCheck(schedule, services.clock.now());
  void (async () => {
    while (next && !controller.signal.aborted) {
      const due = next;
      const wait = due.getTime() - services.clock.now().getTime();
      if (wait > 0) {
        const slept = await services.clock.sleep(wait, controller.signal).then(
          () => true,
          () => false,
        );
        if (!slept) return;
      }
      next = nextBudgetCheck(schedule, due);
      if (jobs) {
        await jobs
          .enqueue(BUDGET_CHECK_JOB, { at: due.toISOString() }, { jobId: `${BUDGET_CHECK_JOB}:${due.toISOString()}` })
          .catch((error: unknown) => services.logger.warn({ err: error }, 'enqueueing the budget check failed'));
      } else await check(due);
    }
  })();
  return { schedule, next: () => next, stop: () => controller.abort() };
}
