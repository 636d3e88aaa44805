import { InputError } from '@opspilot/core';
import { Cron } from 'croner';
import { z } from 'zod';

/**
 * When budgets are checked: a cron expression (minute hour day-of-month month day-of-week) read in an IANA time
 * zone, e.g. `0 8 * * *` in `Europe/Berlin` (every day at 08:00 Berlin time, summer or winter).
 */
export const BudgetSchedule = z.object({
  cron: z.string().min(1).max(120).default('0 * * * *'),
  timezone: z.string().min(1).default('UTC'),
});
export type BudgetSchedule = z.infer<typeof BudgetSchedule>;

/** Parses a schedule, refusing an unknown time zone or a bad cron expression with an InputError saying which. */
export function parseBudgetSchedule(input: z.input<typeof BudgetSchedule>): BudgetSchedule {
  const schedule = BudgetSchedule.parse(input);
  try {
    new Intl.DateTimeFormat('en', { timeZone: schedule.timezone });
  } catch {
    throw new InputError(`unknown time zone ${schedule.timezone}`, {
      hint: 'use an IANA name such as Europe/Berlin or UTC',
    });
  }
  try {
    new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  } catch (error) {
    throw new InputError(`invalid cron expression "${schedule.cron}": ${(error as Error).message}`, {
      hint: 'five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * *"',
    });
  }
  return schedule;
}

/** The first time the schedule fires strictly after `after`; undefined when it never fires again. */
export function nextBudgetCheck(schedule: BudgetSchedule, after: Date): Date | undefined {
  return new Cron(schedule.cron, { timezone: schedule.timezone, paused: true }).nextRun(after) ?? undefined;
}
