import { NotFoundError, Report, ReportFormat, ReportPeriod, ReportType, Uuid } from '@opspilot/core';
import { NewReportSchedule, nextRunAt } from '@opspilot/reports';
import { z } from 'zod';
import { clustersInScope, runDueReports, runSchedule } from '../../reports/reportScheduler.js';
import { storeReport } from '../../reports/storeReport.js';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleClusters } from '../visibleClusters.js';
import { reportScheduleProcedures, Schedule, shown } from './reportScheduleProcedures.js';

const meta = (method: 'GET' | 'POST' | 'DELETE', path: string, summary: string) => ({
  openapi: { method, path: `/reports${path}` as `/${string}`, tags: ['reports'], protect: true, summary },
});

const metaAt = (method: 'GET' | 'POST' | 'DELETE', path: `/${string}`, summary: string) => ({
  openapi: { method, path, tags: ['reports'], protect: true, summary },
});

const StoredReport = Report.extend({ missing_sections: z.array(z.string()) });
const DAY = 86_400_000;

/**
 * Reports (seed 003 §7): generate an executive summary, detailed analysis, incident report or capacity plan on
 * demand in Markdown, HTML, PDF or JSON; the stored history with each report's file; cron schedules (with time
 * zone) that deliver by signed webhook, changed, disabled, enabled or deleted.
 */
export const reportsRouter = router({
  generate: procedureFor('OPERATOR')
    .meta(meta('POST', '/generate', 'Generate and store a report'))
    .input(
      z.object({
        report_type: ReportType,
        format: ReportFormat.default('HTML'),
        cluster_ids: z.array(z.string().min(1)).max(50).default([]),
        time_range: ReportPeriod.optional(),
        days: z.number().int().min(1).max(366).default(7),
        title: z.string().min(1).max(255).optional(),
      }),
    )
    .output(StoredReport)
    .mutation(async ({ ctx, input }) => {
      const visible = await visibleClusters(ctx.services.store, ctx.principal);
      const clusters = await clustersInScope(ctx.services, input.cluster_ids, visible);
      const now = ctx.services.clock.now();
      const period = input.time_range ?? {
        start: new Date(now.getTime() - input.days * DAY).toISOString(),
        end: now.toISOString(),
      };
      const { report, missing } = await storeReport(ctx.services, {
        type: input.report_type,
        format: input.format,
        clusters,
        period,
        title: input.title,
        generatedBy: ctx.principal.user.id,
        username: ctx.principal.user.username,
      });
      return { ...report, missing_sections: missing };
    }),
  list: procedureFor('VIEWER')
    .meta(meta('GET', '', 'The stored report history, newest first'))
    .input(z.object({ report_type: ReportType.optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }))
    .output(z.array(StoredReport))
    .query(async ({ ctx, input }) => {
      const rows = (
        await ctx.services.store.reports.list(input.report_type ? { report_type: input.report_type } : {}, {
          page_size: input.limit,
        })
      ).items;
      return Promise.all(
        rows.map(async (r) => ({
          ...r,
          missing_sections: (await ctx.services.store.reportFiles.find(r.id))?.missing_sections ?? [],
        })),
      );
    }),
  get: procedureFor('VIEWER')
    .meta(meta('GET', '/{id}', 'A stored report and its file (text, or base64 for PDF)'))
    .input(IdInput)
    .output(
      StoredReport.extend({ content_type: z.string(), encoding: z.enum(['utf8', 'base64']), content: z.string() }),
    )
    .query(async ({ ctx, input }) => {
      const report = await ctx.services.store.reports.get(input.id);
      const file = await ctx.services.store.reportFiles.find(input.id);
      if (!file)
        throw new NotFoundError(`report ${input.id} has no stored file`, { hint: 'generate the report again' });
      return {
        ...report,
        missing_sections: file.missing_sections,
        content_type: file.content_type,
        encoding: file.encoding,
        content: file.content,
      };
    }),
  schedules: procedureFor('VIEWER')
    .meta(metaAt('GET', '/report-schedules', 'Report schedules'))
    .input(z.object({}).optional())
    .output(z.array(Schedule))
    .query(async ({ ctx }) => (await ctx.services.store.reportSchedules.list({}, { page_size: 100 })).items.map(shown)),
  schedule: procedureFor('OPERATOR')
    .meta(metaAt('POST', '/report-schedules', 'Schedule a report (cron + time zone, optional signed webhook)'))
    .input(NewReportSchedule)
    .output(Schedule)
    .mutation(async ({ ctx, input }) => {
      const visible = await visibleClusters(ctx.services.store, ctx.principal);
      await clustersInScope(ctx.services, input.cluster_scope ?? [], visible);
      const parsed = NewReportSchedule.parse(input);
      const next = nextRunAt(parsed.cron, parsed.timezone, ctx.services.clock.now());
      const saved = await ctx.services.store.reportSchedules.create({
        ...parsed,
        next_run_at: next?.toISOString(),
        created_by: ctx.principal.user.id,
      });
      await audit(ctx, {
        action: 'report.scheduled',
        target: `report-schedule/${saved.id}`,
        status: 'SUCCESS',
        details: {
          name: saved.name,
          cron: saved.cron,
          timezone: saved.timezone,
          report_type: saved.report_type,
          format: saved.format,
        },
      });
      return shown(saved);
    }),
  ...reportScheduleProcedures,
  deleteSchedule: procedureFor('OPERATOR')
    .meta(metaAt('DELETE', '/report-schedules/{id}', 'Delete a report schedule'))
    .input(IdInput)
    .output(z.object({ deleted: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const schedule = await ctx.services.store.reportSchedules.get(input.id);
      await ctx.services.store.reportSchedules.delete(input.id);
      await audit(ctx, {
        action: 'report.schedule.deleted',
        target: `report-schedule/${input.id}`,
        status: 'SUCCESS',
        details: { name: schedule.name },
      });
      return { deleted: true };
    }),
  runSchedule: procedureFor('OPERATOR')
    .meta(metaAt('POST', '/report-schedules/{id}/run', 'Run a schedule now'))
    .input(z.object({ id: Uuid }))
    .output(z.object({ schedule_id: z.string(), report_id: z.string().optional(), status: z.string() }))
    .mutation(async ({ ctx, input }) =>
      runSchedule(ctx.services, await ctx.services.store.reportSchedules.get(input.id)),
    ),
  runDue: procedureFor('OPERATOR')
    .meta(metaAt('POST', '/report-schedules/run-due', 'Run every schedule that is due now'))
    .input(z.object({}).optional())
    .output(z.array(z.object({ schedule_id: z.string(), report_id: z.string().optional(), status: z.string() })))
    .mutation(async ({ ctx }) => runDueReports(ctx.services)),
});
