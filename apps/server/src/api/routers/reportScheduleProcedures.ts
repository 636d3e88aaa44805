import { ReportFormat, ReportType, Uuid } from '@opspilot/core';
import { changedFields, ReportScheduleChange, scheduleChangePatch } from '@opspilot/reports';
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

const ScheduleChange = ReportScheduleChange.extend({ id: Uuid });
type ScheduleChange = z.infer<typeof ScheduleChange>;

type Ctx = Parameters<typeof audit>[0];

/**
 * Applies a change to a stored schedule (`scheduleChangePatch`: cron and time zone checked, next run worked out
 * again from now), checks the clusters named, stores it and audits `action` with the names of the fields changed
 * (never the secret's value).
 */
async function changeSchedule(ctx: Ctx, { id, ...change }: ScheduleChange, action: string) {
  const current = await ctx.services.store.reportSchedules.get(id);
  const patch = scheduleChangePatch(current, change, ctx.services.clock.now());
  if (change.cluster_scope) {
    await clustersInScope(ctx.services, change.cluster_scope, await visibleClusters(ctx.services.store, ctx.principal));
  }
  const updated = await ctx.services.store.reportSchedules.update(id, patch);
  await audit(ctx, {
    action,
    target: `report-schedule/${id}`,
    status: 'SUCCESS',
    details: {
      name: updated.name,
      changed: changedFields(change),
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
