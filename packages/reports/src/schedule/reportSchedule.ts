import { InputError, ReportFormat, ReportType, Timestamp, Uuid } from '@opspilot/core';
import { Cron } from 'croner';
import { z } from 'zod';

/** Checks a cron expression (5 or 6 fields) and an IANA time zone; an InputError says which is wrong. */
export function checkCron(cron: string, timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new InputError(`unknown time zone ${timezone}`, { hint: 'use an IANA name such as Europe/Berlin or UTC' });
  }
  try {
    new Cron(cron, { timezone, paused: true });
  } catch (error) {
    throw new InputError(`invalid cron expression "${cron}": ${error instanceof Error ? error.message : error}`, {
      hint: 'five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * MON"',
    });
  }
}

const scheduleFields = {
  name: z.string().min(1).max(255),
  report_type: ReportType,
  format: ReportFormat,
  /** Cron expression (minute hour day-of-month month day-of-week), read in `timezone`. */
  cron: z.string().min(1).max(120),
  timezone: z.string().min(1).default('UTC'),
  /** Cluster names or ids; empty for the whole fleet. */
  cluster_scope: z.array(z.string().min(1)).default([]),
  /** How many days before each run the report covers. */
  period_days: z.number().int().min(1).max(366).default(7),
  /** Where each report is POSTed (signed when `webhook_secret` is set); none keeps it in the history only. */
  webhook_url: z.url({ protocol: /^https?$/ }).optional(),
  webhook_secret: z.string().min(8).optional(),
  enabled: z.boolean().default(true),
};

const cronRule = (s: { cron: string; timezone: string }, ctx: z.RefinementCtx) => {
  try {
    checkCron(s.cron, s.timezone);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message, path: ['cron'] });
  }
};

/** A report run on a schedule (cron + time zone) and delivered by webhook; its runs land in the report history. */
export const ReportSchedule = z
  .object({
    id: Uuid,
    ...scheduleFields,
    next_run_at: Timestamp.optional(),
    last_run_at: Timestamp.optional(),
    /** `OK`, `PARTIAL (n sections missing)`, `DELIVERY FAILED: ...` — the outcome of the last run. */
    last_status: z.string().optional(),
    created_at: Timestamp,
  })
  .superRefine(cronRule);
export type ReportSchedule = z.infer<typeof ReportSchedule>;

/** What a caller supplies to create a schedule. */
export const NewReportSchedule = z.object(scheduleFields).superRefine(cronRule);
export type NewReportSchedule = z.input<typeof NewReportSchedule>;

/** The first run of `cron` in `timezone` strictly after `after`; undefined for an expression that never fires again. */
export function nextRunAt(cron: string, timezone: string, after: Date): Date | undefined {
  return new Cron(cron, { timezone, paused: true }).nextRun(after) ?? undefined;
}

/** The enabled schedules whose next run is due at `now` (the scheduler's tick, driven by the clock). */
export function dueSchedules<S extends Pick<ReportSchedule, 'enabled' | 'next_run_at'>>(
  schedules: S[],
  now: Date,
): S[] {
  return schedules.filter(
    (s) => s.enabled && s.next_run_at !== undefined && Date.parse(s.next_run_at) <= now.getTime(),
  );
}

/** The period a scheduled run covers: the `days` before `now`. */
export function periodEnding(now: Date, days: number): { start: string; end: string } {
  return { start: new Date(now.getTime() - days * 86_400_000).toISOString(), end: now.toISOString() };
}
