import { InputError, ReportFormat, ReportType, Uuid } from '@opspilot/core';
import { checkCron, nextRunAt } from '@opspilot/reports';
import type { StoredReportSchedule } from '@opspilot/store';
import { z } from 'zod';
import { clustersInScope } from '../../reports/reportScheduler.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleClusters } from '../visibleClusters.js';

/** A report schedule as the API shows it. */
export const Schedule = z.object({
  id: z.string(),
  name: z.string(),
  report_type: ReportType,
  format: ReportFormat,
  cron: z.string(),
  timezone: z.string(),
  cluster_scope: z.array(z.string()),
  period_days: z.number(),
  webhook_url: z.string().optional(),
  signed: z.boolean(),
  enabled: z.boolean(),
  next_run_at: z.string().optional(),
  last_run_at: z.string().optional(),
  last_status: z.string().optional(),
  created_at: z.string(),
});

/** A schedule as the API shows it: the webhook secret never leaves the server, only whether there is one. */
export const shown = ({ webhook_secret, created_by: _by, ...s }: StoredReportSchedule) => ({
  ...s,
  signed: webhook_secret !== undefined,
});

const metaAt = (method: 'POST' | 'PATCH', path: `/${string}`, summary: string) => ({
  openapi: { method, path, tags: ['reports'], protect: true, summary },
});

/** What a schedule update may change; `null` removes the webhook or its secret. */
const ScheduleChange = z.object({
  id: Uuid,
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
type ScheduleChange = z.infer<typeof ScheduleChange>;

type Ctx = Parameters<typeof audit>[0];

/**
 * Applies a change to a stored schedule: checks the cron expression and time zone and the clusters named, works out
 * the next run again (from now, so enabling a schedule never runs the fire times it missed while disabled; none
 * while disabled), stores it, audits `report.schedule.updated` with the fields changed (never the secret's value).
 */
async function changeSchedule(ctx: Ctx, { id, ...change }: ScheduleChange, action: string) {
  const current = await ctx.services.store.reportSchedules.get(id);
  const cron = change.cron ?? current.cron;
  const timezone = change.timezone ?? current.timezone;
  checkCron(cron, timezone);
  if (change.cluster_scope) {
    await clustersInScope(ctx.services, change.cluster_scope, await visibleClusters(ctx.services.store, ctx.principal));
  }
  const webhookUrl = change.webhook_url === null ? undefined : (change.webhook_url ?? current.webhook_url);
  if (change.webhook_secret && !webhookUrl) {
    throw new InputError('a webhook secret needs a webhook_url', { hint: 'set webhook_url as well' });
  }
  const enabled = change.enabled ?? current.enabled;
  const timing = cron !== current.cron || timezone !== current.timezone || enabled !== current.enabled;
  const next = enabled ? nextRunAt(cron, timezone, ctx.services.clock.now())?.toISOString() : undefined;
  const { webhook_url: _u, webhook_secret: _s, ...fields } = change;
  const updated = await ctx.services.store.reportSchedules.update(id, {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    webhook_url: webhookUrl,
    webhook_secret:
      change.webhook_secret === null || webhookUrl === undefined
        ? undefined
        : (change.webhook_secret ?? current.webhook_secret),
    ...(timing ? { next_run_at: next } : {}),
  });
  await audit(ctx, {
    action,
    target: `report-schedule/${id}`,
    status: 'SUCCESS',
    details: {
      name: updated.name,
      changed: Object.keys(change).filter((k) => change[k as keyof typeof change] !== undefined),
      enabled: updated.enabled,
      next_run_at: updated.next_run_at ?? null,
    },
  });
  return shown(updated);
}

/**
 * The schedule procedures of the reports router beyond create, list and delete: change any field of a schedule
 * (`PATCH /report-schedules/{id}`), and disable or enable it (`POST /report-schedules/{id}/disable|enable`). Each
 * is audited.
 */
export const reportScheduleProcedures = {
  updateSchedule: procedureFor('OPERATOR')
    .meta(metaAt('PATCH', '/report-schedules/{id}', 'Change a report schedule (null removes the webhook or secret)'))
    .input(ScheduleChange)
    .output(Schedule)
    .mutation(({ ctx, input }) => changeSchedule(ctx, input, 'report.schedule.updated')),
  disableSchedule: procedureFor('OPERATOR')
    .meta(metaAt('POST', '/report-schedules/{id}/disable', 'Stop running a report schedule (it is kept)'))
    .input(z.object({ id: Uuid }))
    .output(Schedule)
    .mutation(({ ctx, input }) => changeSchedule(ctx, { id: input.id, enabled: false }, 'report.schedule.disabled')),
  enableSchedule: procedureFor('OPERATOR')
    .meta(
      metaAt('POST', '/report-schedules/{id}/enable', 'Run a disabled report schedule again, from its next fire time'),
    )
    .input(z.object({ id: Uuid }))
    .output(Schedule)
    .mutation(({ ctx, input }) => changeSchedule(ctx, { id: input.id, enabled: true }, 'report.schedule.enabled')),
};
