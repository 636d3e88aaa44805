import {
  BudgetAlert,
  BudgetPeriod,
  BudgetScope,
  ConflictError,
  CostRecommendation,
  Duration,
  durationToMs,
  NewBudgetAlert,
  NotFoundError,
  Operation,
  Uuid,
} from '@opspilot/core';
import { AllocationAggregate, createCostApplier, DEFAULT_BUDGET_THRESHOLDS, IdleSharing } from '@opspilot/cost';
import { z } from 'zod';
import type { Principal } from '../../auth/principal.js';
import { budgetStatus, checkBudgets } from '../../cost/checkBudgets.js';
import { allocation, forecast, recommendations } from '../../cost/costQueries.js';
import { applyRecommendationOperation } from '../../cost/recommendationOperations.js';
import type { ApiServices } from '../apiServices.js';
import { serverOpsDeps } from '../serverOperations.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleCluster, visibleClusters } from '../visibleClusters.js';

const Clusters = { cluster_ids: z.array(z.uuid()).max(50).default([]) };

async function chosen(services: ApiServices, principal: Principal, ids: string[]) {
  const all = await visibleClusters(services.store, principal);
  return ids.length ? all.filter((c) => ids.includes(c.id)) : all;
}

const Row = z.object({
  cluster_id: z.string(),
  cluster: z.string(),
  aggregate: z.string(),
  key: z.string(),
  cpu_cost: z.number(),
  memory_cost: z.number(),
  gpu_cost: z.number(),
  pv_cost: z.number(),
  lb_cost: z.number(),
  shared_idle_cost: z.number(),
  total_cost: z.number(),
  cpu_core_hours: z.number(),
  memory_gib_hours: z.number(),
  series: z.array(z.number()),
});
const Gap = z.object({ cluster_id: z.string(), query: z.string(), error: z.string() });
const Window = z.object({ start: z.number(), stepSeconds: z.number(), steps: z.number() });

const meta = (method: 'GET' | 'POST' | 'DELETE', path: string, summary: string) => ({
  openapi: { method, path: `/cost${path}` as `/${string}`, tags: ['cost'], protect: true, summary },
});

/**
 * The cost optimizer (seed 004 `costOptimizer`): allocation per cluster, namespace, workload, label or team (the
 * OpenCost method), recommendations (KRR-style rightsizing, idle workloads, unused claims, orphaned LoadBalancers,
 * bin-packing), budgets with actual and forecast alerts, the daily cost forecast, and applying a rightsizing
 * recommendation as a reviewed operation.
 */
export const costOptimizerRouter = router({
  allocation: procedureFor('VIEWER')
    .meta(meta('GET', '/allocation', 'Cost allocation'))
    .input(
      z.object({
        ...Clusters,
        aggregate: AllocationAggregate.default('namespace'),
        since: Duration.default('24h'),
        step: Duration.default('1h'),
        share_idle: IdleSharing.default('none'),
        namespace: z.string().min(1).max(63).optional(),
        store: z.boolean().default(false),
      }),
    )
    .output(
      z.object({
        window: Window,
        aggregate: z.string(),
        currency: z.string(),
        rows: z.array(Row),
        idle: z.array(
          z.object({
            cluster_id: z.string(),
            cluster: z.string(),
            total_cost: z.number(),
            series: z.array(z.number()),
          }),
        ),
        gaps: z.array(Gap),
      }),
    )
    .query(async ({ ctx, input, signal }) => {
      const clusters = await chosen(ctx.services, ctx.principal, input.cluster_ids);
      const result = await allocation(
        ctx.services,
        clusters,
        {
          aggregate: input.aggregate,
          sinceMs: durationToMs(input.since),
          stepMs: durationToMs(input.step),
          shareIdle: input.share_idle,
          store: input.store,
        },
        signal,
      );
      const rows = input.namespace
        ? result.rows.filter((r) => r.key === input.namespace || r.key.startsWith(`${input.namespace}/`))
        : result.rows;
      return { ...result, rows };
    }),

  recommendations: procedureFor('VIEWER')
    .meta(meta('GET', '/recommendations', 'Compute and list cost recommendations'))
    .input(
      z.object({
        ...Clusters,
        namespace: z.string().min(1).max(63).optional(),
        workload: z.string().min(1).max(253).optional(),
        window: Duration.default('14d'),
        step: Duration.default('1h'),
        min_history: Duration.default('24h'),
      }),
    )
    .output(
      z.object({
        items: z.array(CostRecommendation),
        insufficient: z.array(
          z.object({
            cluster_id: z.string(),
            namespace: z.string(),
            workload: z.string(),
            container: z.string(),
            reason: z.string(),
          }),
        ),
        gaps: z.array(Gap),
      }),
    )
    .query(async ({ ctx, input, signal }) => {
      const clusters = await chosen(ctx.services, ctx.principal, input.cluster_ids);
      const result = await recommendations(
        ctx.services,
        clusters,
        {
          policy: {
            window_hours: durationToMs(input.window) / 3_600_000,
            min_history_hours: durationToMs(input.min_history) / 3_600_000,
          },
          stepMs: durationToMs(input.step),
          ...(input.namespace ? { namespace: input.namespace } : {}),
        },
        signal,
      );
      const named = (name: string) => (input.workload ? name === input.workload : true);
      return {
        items: result.items.filter((r) => named(r.resource.name)),
        insufficient: result.insufficient.filter((r) => named(r.workload.split('/')[1] ?? '')),
        gaps: result.gaps,
      };
    }),

  applyRecommendation: procedureFor('OPERATOR')
    .meta(meta('POST', '/recommendations/{id}/apply', 'Plan a recommendation, or apply its approved operation'))
    .input(z.object({ id: z.uuid(), operation_id: z.uuid().optional() }))
    .output(z.object({ operation: Operation }))
    .mutation(async ({ ctx, input, signal }) => {
      const rec = await ctx.services.store.costRecommendations.find(input.id);
      if (!rec?.cluster_id)
        throw new NotFoundError(`cost recommendation ${input.id} not found`, {
          hint: 'list the recommendations to see their ids',
        });
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, rec.cluster_id);
      if (rec.status !== 'OPEN')
        throw new ConflictError(`recommendation ${rec.id} is ${rec.status}`, { hint: 'recompute the recommendations' });
      const caller = { principal: ctx.principal };
      const applier = createCostApplier(await serverOpsDeps(ctx.services, cluster.id, caller));
      const user = ctx.principal.user.username;
      if (!input.operation_id) {
        const { operation } = await applier.plan(rec, { user });
        await audit(ctx, {
          action: 'cost.recommendation.planned',
          target: `costrecommendation/${rec.id}`,
          cluster_id: cluster.id,
          details: { operation_id: operation.id },
        });
        return { operation };
      }
      return {
        operation: await applyRecommendationOperation(ctx.services, ctx.principal, rec, input.operation_id, signal),
      };
    }),

  budgets: procedureFor('VIEWER')
    .meta(meta('GET', '/budgets', 'Budgets with their spend and forecast'))
    .input(z.object({ ...Clusters }))
    .output(
      z.object({
        items: z.array(
          z.object({
            budget: BudgetAlert,
            spend: z.number(),
            forecast: z.number(),
            percent: z.number(),
            forecast_percent: z.number(),
            period_start: z.string(),
            period_end: z.string(),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input, signal }) => {
      const clusters = await chosen(ctx.services, ctx.principal, input.cluster_ids);
      const budgets = await ctx.services.store.budgetAlerts.list({}, { page: 1, page_size: 100 });
      const items = [];
      for (const b of budgets.items) items.push(await budgetStatus(ctx.services, clusters, b, signal));
      return { items };
    }),

  setBudget: procedureFor('OPERATOR')
    .meta(meta('POST', '/budgets', 'Create or replace a budget (by name)'))
    .input(
      z.object({
        name: z.string().min(1).max(255),
        scope: BudgetScope.default({}),
        amount: z.number().positive(),
        currency: z.string().optional(),
        period: BudgetPeriod.optional(),
        /** Default 50, 80 and 100 %. */
        thresholds_percent: z.array(z.number().int().min(1).max(100)).min(1).optional(),
        notify: z.array(z.string().min(1)).optional(),
        enabled: z.boolean().optional(),
      }),
    )
    .output(BudgetAlert)
    .mutation(async ({ ctx, input }) => {
      const parsed = NewBudgetAlert.parse({
        ...input,
        thresholds_percent: input.thresholds_percent ?? [...DEFAULT_BUDGET_THRESHOLDS],
      });
      const existing = (await ctx.services.store.budgetAlerts.list({ name: parsed.name }, { page: 1, page_size: 1 }))
        .items[0];
      const budget = existing
        ? await ctx.services.store.budgetAlerts.update(existing.id, parsed)
        : await ctx.services.store.budgetAlerts.create(parsed);
      await audit(ctx, {
        action: existing ? 'cost.budget.updated' : 'cost.budget.created',
        target: `budget/${budget.name}`,
        details: { budget },
      });
      return budget;
    }),

  deleteBudget: procedureFor('OPERATOR')
    .meta(meta('DELETE', '/budgets/{id}', 'Delete a budget'))
    .input(z.object({ id: Uuid }))
    .output(z.object({ deleted: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const budget = await ctx.services.store.budgetAlerts.find(input.id);
      if (!budget)
        throw new NotFoundError(`budget ${input.id} not found`, { hint: 'list the budgets to see their ids' });
      await ctx.services.store.budgetAlerts.delete(input.id);
      await audit(ctx, { action: 'cost.budget.deleted', target: `budget/${budget.name}` });
      return { deleted: true };
    }),

  checkBudgets: procedureFor('OPERATOR')
    .meta(meta('POST', '/budgets/check', 'Evaluate budgets and send alerts for thresholds reached'))
    .input(z.object({ ...Clusters }))
    .output(
      z.object({
        notices: z.array(
          z
            .object({
              budget_id: z.string(),
              budget: z.string(),
              kind: z.string(),
              threshold_percent: z.number(),
              spend: z.number(),
              percent: z.number(),
              message: z.string(),
            })
            .loose(),
        ),
      }),
    )
    .mutation(async ({ ctx, input, signal }) => {
      const clusters = await chosen(ctx.services, ctx.principal, input.cluster_ids);
      const notices = await checkBudgets(ctx.services, clusters, signal);
      if (notices.length)
        await audit(ctx, {
          action: 'cost.budget.alerted',
          target: 'budgets',
          details: { notices: notices.map((n) => n.message) },
        });
      return { notices: notices.map((n) => ({ ...n })) };
    }),

  forecast: procedureFor('VIEWER')
    .meta(meta('GET', '/forecast', 'Daily cost forecast'))
    .input(
      z.object({
        ...Clusters,
        namespace: z.string().min(1).max(63).optional(),
        days: z.coerce.number().int().min(1).max(90).default(30),
        history: Duration.default('30d'),
      }),
    )
    .output(
      z.object({
        currency: z.string(),
        history: z.array(z.object({ day: z.number(), cost: z.number() })),
        points: z.array(z.object({ day: z.number(), cost: z.number(), lower: z.number(), upper: z.number() })),
        total: z.number(),
        total_lower: z.number(),
        total_upper: z.number(),
        method: z.string(),
        history_days: z.number(),
        gaps: z.array(Gap),
      }),
    )
    .query(async ({ ctx, input, signal }) => {
      const clusters = await chosen(ctx.services, ctx.principal, input.cluster_ids);
      const f = await forecast(
        ctx.services,
        clusters,
        {
          days: input.days,
          historyMs: durationToMs(input.history),
          ...(input.namespace ? { namespace: input.namespace } : {}),
        },
        signal,
      );
      return {
        currency: f.currency,
        history: f.history.map((d) => ({ day: d.day, cost: d.cost })),
        points: f.points.map((p) => ({ day: p.day, cost: p.cost, lower: p.lower, upper: p.upper })),
        total: f.total,
        total_lower: f.total_lower,
        total_upper: f.total_upper,
        method: f.method,
        history_days: f.history_days,
        gaps: f.gaps.map((g) => ({ cluster_id: g.cluster_id, query: g.query, error: g.error })),
      };
    }),
});
