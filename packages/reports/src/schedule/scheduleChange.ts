import { InputError, ReportFormat, ReportType } from '@opspilot/core';
import { z } from 'zod';
import { checkCron, nextRunAt } from './reportSchedule.js';

/** What a change of a report schedule may set; `null` removes the webhook or its secret. */
export const ReportScheduleChange = z.object({
  name: z.string().min(1).max(255).optional(),
  report_type: ReportType.optional(),
  format: ReportFormat.optional(),
  cron: z.string().min(1).max(120).optional(),
  timezone: z.string().min(1).optional(),
  cluster_scope: z.array(z.string().min(1)).max(50).optional(),
  period_days: z.number().int().min(1).max(366).optional(),
  webhook_url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  webhook_secret: z.string().min(8).nullable().optional(),
  enabled: z.boolean().optional(),
});
export type ReportScheduleChange = z.infer<typeof ReportScheduleChange>;

/** The fields of a stored schedule a change is worked out from. */
export interface ChangeableSchedule {
  cron: string;
  timezone: string;
  enabled: boolean;
  webhook_url?: string | undefined;
  webhook_secret?: string | undefined;
}

/**
 * The patch that applies `change` to a stored schedule at `now`: the cron expression and time zone checked
 * (InputError), a secret refused without a webhook, the secret dropped with its webhook, and the next run worked
 * out again when the timing or `enabled` changed — from `now`, so a schedule enabled again never makes up the runs
 * it missed, and none while disabled. Used by the API and the CLI alike.
 */
export function scheduleChangePatch(current: ChangeableSchedule, change: ReportScheduleChange, now: Date) {
  const cron = change.cron ?? current.cron;
  const timezone = change.timezone ?? current.timezone;
  checkCron(cron, timezone);
  const webhookUrl = change.webhook_url === null ? undefined : (change.webhook_url ?? current.webhook_url);
  if (change.webhook_secret && !webhookUrl) {
    throw new InputError('a webhook secret needs a webhook URL', { hint: 'set the webhook URL as well' });
  }
  const enabled = change.enabled ?? current.enabled;
  const timing = cron !== current.cron || timezone !== current.timezone || enabled !== current.enabled;
  const { webhook_url: _u, webhook_secret: _s, ...fields } = change;
  return {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    webhook_url: webhookUrl,
    webhook_secret:
      change.webhook_secret === null || webhookUrl === undefined
        ? undefined
        : (change.webhook_secret ?? current.webhook_secret),
    ...(timing ? { next_run_at: enabled ? nextRunAt(cron, timezone, now)?.toISOString() : undefined } : {}),
  } as Omit<ReportScheduleChange, 'webhook_url' | 'webhook_secret'> & {
    webhook_url?: string;
    webhook_secret?: string;
    next_run_at?: string;
  };
}

/** The names of the fields a change sets (for the audit trail; never their values). */
export function changedFields(change: ReportScheduleChange): string[] {
  return Object.keys(change).filter((k) => change[k as keyof ReportScheduleChange] !== undefined);
}
