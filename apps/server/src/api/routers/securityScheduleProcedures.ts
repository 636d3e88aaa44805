import { nextRunAt, ScanScheduleInput } from '@opspilot/security';
import { StoredScanSchedule } from '@opspilot/store';
import { z } from 'zod';
import { IdInput } from '../apiSchemas.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

/**
 * The scheduled-scan procedures of the security router: cron schedules with a time zone per cluster (and optional
 * namespace), run by the server's scheduler; each run is a stored scan, so `scans` and `trend` are their history.
 */
export const securityScheduleProcedures = {
  schedules: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/schedules', tags: ['security'], protect: true } })
    .input(z.object({ cluster_id: z.uuid() }))
    .output(z.array(StoredScanSchedule))
    .query(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      return (await ctx.services.store.scanSchedules.list({ cluster_id: cluster.id }, { page_size: 100 })).items;
    }),

  createSchedule: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/schedules', tags: ['security'], protect: true } })
    .input(ScanScheduleInput.extend({ cluster_id: z.uuid() }))
    .output(StoredScanSchedule)
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const created = await ctx.services.store.scanSchedules.create({
        cluster_id: cluster.id,
        cron: input.cron,
        timezone: input.timezone,
        ...(input.namespace ? { namespace: input.namespace } : {}),
        enabled: input.enabled,
        next_run_at: nextRunAt(input.cron, input.timezone, ctx.services.clock.now()).toISOString(),
        created_by: ctx.principal.user.username,
      });
      await audit(ctx, {
        action: 'security.schedule.created',
        target: `cluster/${cluster.name}`,
        details: {
          schedule_id: created.id,
          cron: created.cron,
          timezone: created.timezone,
          namespace: created.namespace ?? null,
        },
      });
      return created;
    }),

  updateSchedule: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/schedules/{id}', tags: ['security'], protect: true } })
    .input(IdInput.extend(ScanScheduleInput.partial().shape).extend({ enabled: z.boolean().optional() }))
    .output(StoredScanSchedule)
    .mutation(async ({ ctx, input }) => {
      const current = await ctx.services.store.scanSchedules.get(input.id);
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, current.cluster_id);
      const cron = input.cron ?? current.cron;
      const timezone = input.timezone ?? current.timezone;
      const updated = await ctx.services.store.scanSchedules.update(current.id, {
        cron,
        timezone,
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.namespace !== undefined ? { namespace: input.namespace } : {}),
        next_run_at: nextRunAt(cron, timezone, ctx.services.clock.now()).toISOString(),
      });
      await audit(ctx, {
        action: 'security.schedule.updated',
        target: `cluster/${cluster.name}`,
        details: { schedule_id: updated.id, cron, timezone, enabled: updated.enabled },
      });
      return updated;
    }),

  deleteSchedule: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'DELETE', path: '/security/schedules/{id}', tags: ['security'], protect: true } })
    .input(IdInput)
    .output(z.object({ deleted: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const current = await ctx.services.store.scanSchedules.get(input.id);
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, current.cluster_id);
      await ctx.services.store.scanSchedules.delete(current.id);
      await audit(ctx, {
        action: 'security.schedule.deleted',
        target: `cluster/${cluster.name}`,
        details: { schedule_id: current.id },
      });
      return { deleted: current.id };
    }),
};
