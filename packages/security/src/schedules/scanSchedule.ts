import { InputError } from '@opspilot/core';
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

/** Whether `tz` is an IANA time zone this runtime knows (`UTC`, `Europe/Berlin`). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A schedule as users give it: a five-field cron expression read in an IANA time zone. */
export const ScanScheduleInput = z.object({
  cron: z
    .string()
    .trim()
    .min(9)
    .max(120)
    .refine((c) => c.split(/\s+/).length === 5, 'must have five fields: minute hour day-of-month month day-of-week'),
  timezone: z
    .string()
    .min(1)
    .max(64)
    .default('UTC')
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  namespace: z.string().min(1).max(253).optional(),
  enabled: z.boolean().default(true),
});
export type ScanScheduleInput = z.input<typeof ScanScheduleInput>;

/**
 * The first time after `after` the cron expression fires, read in `timezone` (daylight-saving changes included); an
 * InputError naming the expression when it cannot be read.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
 */
export function nextRunAt(cron: string, timezone: string, after: Date): Date {
  if (!isTimeZone(timezone))
    throw new InputError(`unknown time zone ${timezone}`, {
      hint: 'use an IANA time zone such as UTC or Europe/Berlin',
    });
  try {
    return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
  } catch (error) {
    throw new InputError(`cannot read the cron expression "${cron}": ${(error as Error).message}`, {
      hint: 'five fields: minute hour day-of-month month day-of-week, e.g. "0 2 * * *" for 02:00 every day',
    });
  }
}

/** A stored schedule as {@link dueSchedules} reads it. */
export interface ScheduleState {
  id: string;
  enabled: boolean;
  next_run_at: string;
}

/** The enabled schedules whose next run is at or before `now`, earliest first. */
export function dueSchedules<T extends ScheduleState>(schedules: readonly T[], now: Date): T[] {
  return schedules
    .filter((s) => s.enabled && Date.parse(s.next_run_at) <= now.getTime())
    .sort((a, b) => a.next_run_at.localeCompare(b.next_run_at));
}
