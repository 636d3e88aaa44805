import { Duration, durationToMs, NewBudgetAlert } from '@opspilot/core';
import {
  AllocationAggregate,
  allocateCluster,
  DEFAULT_BUDGET_THRESHOLDS,
  dailyTotals,
  evaluateBudget,
  forecastDailyCost,
  IDLE_KEY,
  IdleSharing,
  scopeAggregate,
} from '@opspilot/cost';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { cliPrices, cliWindow, localCostInput } from './costLocal.js';
import { localRecommendations } from './costRecommendationsLocal.js';
import { allocationRows, allocationText, csv, noticesText, recommendationRows } from './costText.js';

const Common = { pricing: z.string().min(1).optional(), csv: z.boolean().default(false) };
const AllocationOptions = z.object({
  by: AllocationAggregate.default('namespace'),
  since: Duration.default('24h'),
  step: Duration.default('1h'),
  shareIdle: IdleSharing.default('none'),
  ...Common,
});
const RecommendationOptions = z.object({
  window: Duration.default('14d'),
  step: Duration.default('1h'),
  minHistory: Duration.default('24h'),
  ...Common,
});
const BudgetOptions = z.object({
  set: z.string().min(1).optional(),
  amount: z.coerce.number().positive().optional(),
  scopeNamespace: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  thresholds: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be percentages such as 50,80,100')
    .optional(),
  notify: z.array(z.string()).default([]),
  ...Common,
});
const ForecastOptions = z.object({
  days: z.coerce.number().int().min(1).max(90).default(30),
  history: Duration.default('30d'),
  ...Common,
});

const withCommon = (c: Command) =>
  c.option('--pricing <file>', 'pricing file (YAML) over the built-in prices').option('--csv', 'the same as -o csv');

/**
 * Whether CSV was asked for: `-o csv` (the cost commands' own format, like `-o wide` for `get`; read here and turned
 * back into `text` so the global options stay text|json|yaml) or its alias `--csv`.
 */
function wantsCsv(options: { csv: boolean }, command: Command): boolean {
  let root = command;
  while (root.parent) root = root.parent;
  const csvOutput = root.opts().output === 'csv';
  if (csvOutput) root.setOptionValue('output', 'text');
  return csvOutput || options.csv;
}

/**
 * Registers `opspilot cost`: allocation (OpenCost method), recommendations (KRR-style rightsizing, idle workloads,
 * unused claims, orphaned LoadBalancers, bin-packing), budgets and the daily cost forecast of the cluster, from its
 * objects and its usage (`prometheus.url`, else metrics.k8s.io now). Tables, `-o json|yaml|csv`.
 */
export function costCommand(parent: Command, ctx: CliContext): Command {
  const cost = parent.command('cost').description('cost allocation, savings, budgets and forecast of the cluster');

  withCommon(
    cost
      .command('allocation')
      .description('what the cluster costs per namespace, workload, team or label (max of request and usage)')
      .option('--by <aggregate>', 'namespace, workload, team, cluster or label:<key>', 'namespace')
      .option('--since <duration>', 'the window, e.g. 24h, 7d, 30d', '24h')
      .option('--step <duration>', 'the resolution, e.g. 1h', '1h')
      .option('--share-idle <rule>', 'idle cost: none (its own row), weighted or even', 'none'),
  ).action(async (raw: unknown, command: Command) => {
    const o = AllocationOptions.parse(raw);
    const asCsv = wantsCsv(o, command);
    const config = await ctx.loadConfig(command);
    const gateway = openGateway(config, ctx.io);
    try {
      const { input, gaps, source } = await localCostInput(config, ctx.io, gateway, cliWindow(o.since, o.step));
      const result = {
        ...allocateCluster(input, cliPrices(o.pricing, ctx.io), { aggregate: o.by, shareIdle: o.shareIdle }),
        gaps,
        source,
      };
      if (asCsv) return void ctx.io.stdout.write(csv(allocationRows(result)));
      ctx.print(command, result, allocationText);
    } finally {
      gateway.close();
    }
  });

  withCommon(
    cost
      .command('recommendations')
      .description(
        'what can be saved: rightsizing (p95 CPU, max memory + 15 %), idle workloads, unused volumes and LoadBalancers',
      )
      .option('--window <duration>', 'usage history looked at', '14d')
      .option('--step <duration>', 'resolution of the history', '1h')
      .option('--min-history <duration>', 'history needed before recommending', '24h'),
  ).action(async (raw: unknown, command: Command) => {
    const o = RecommendationOptions.parse(raw);
    const asCsv = wantsCsv(o, command);
    const config = await ctx.loadConfig(command);
    const gateway = openGateway(config, ctx.io);
    try {
      const { input } = await localCostInput(config, ctx.io, gateway, cliWindow(o.window, o.step));
      const prices = cliPrices(o.pricing, ctx.io);
      const { items, insufficient } = localRecommendations(
        input,
        prices,
        {
          window_hours: durationToMs(o.window) / 3_600_000,
          min_history_hours: durationToMs(o.minHistory) / 3_600_000,
        },
        config.kube.namespace,
      );
      if (asCsv) return void ctx.io.stdout.write(csv(recommendationRows(items)));
      ctx.print(command, { items, insufficient }, (d) => {
        const total = d.items.reduce((t, r) => t + r.estimated_monthly_savings, 0);
        const table = d.items.length ? renderColumns(recommendationRows(d.items)) : 'no recommendations';
        const lacking = d.insufficient.map((x) => `${x.namespace}/${x.workload} ${x.container}: ${x.reason}`);
        return [table, `about ${total.toFixed(2)} USD per month to save`, ...lacking].join('\n');
      });
    } finally {
      gateway.close();
    }
  });

  withCommon(
    cost
      .command('budgets')
      .description('budgets with their spend this period and the forecast; --set NAME --amount N adds or replaces one')
      .option('--set <name>', 'create or replace the budget of this name')
      .option('--amount <n>', 'monthly amount')
      .option('--scope-namespace <ns>', 'scope: one namespace')
      .option('--label <key=value>', 'scope: pods with this label')
      .option('--thresholds <list>', 'alert at these percentages', DEFAULT_BUDGET_THRESHOLDS.join(','))
      .option('--notify <url...>', 'webhook URLs the server posts alerts to'),
  ).action(async (raw: unknown, command: Command) => {
    const o = BudgetOptions.parse(raw);
    const asCsv = wantsCsv(o, command);
    const config = await ctx.loadConfig(command);
    await withStore(config, ctx.io.cwd, async (store) => {
      if (o.set) {
        const fields = NewBudgetAlert.parse({
          name: o.set,
          amount: o.amount,
          scope: {
            ...(o.scopeNamespace ? { namespace: o.scopeNamespace } : {}),
            ...(o.label ? { label: o.label } : {}),
          },
          thresholds_percent: (o.thresholds ?? DEFAULT_BUDGET_THRESHOLDS.join(',')).split(',').map(Number),
          notify: o.notify,
        });
        const existing = (await store.budgetAlerts.list({ name: o.set }, { page: 1, page_size: 1 })).items[0];
        const saved = existing
          ? await store.budgetAlerts.update(existing.id, fields)
          : await store.budgetAlerts.create(fields);
        await store.audit.append({
          action: existing ? 'cost.budget.updated' : 'cost.budget.created',
          user_id: ctx.io.env.USER ?? 'cli',
          target: `budget/${saved.name}`,
          details: { budget: saved },
        });
      }
      const budgets = (await store.budgetAlerts.list({}, { page: 1, page_size: 100 })).items;
      const gateway = openGateway(config, ctx.io);
      try {
        const now = new Date();
        const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
        const hours = Math.max(1, Math.ceil((now.getTime() - monthStart) / 3_600_000));
        const { input } = await localCostInput(config, ctx.io, gateway, cliWindow(`${hours}h`, '1h'));
        const prices = cliPrices(o.pricing, ctx.io);
        const statuses = budgets.map((b) => {
          const { aggregate, key } = scopeAggregate(b.scope);
          const result = allocateCluster(input, prices, { aggregate: aggregate as never });
          const rows = result.rows.filter((r) => (key === undefined ? true : r.key === key && r.key !== IDLE_KEY));
          const series = new Array<number>(result.window.steps).fill(0);
          for (const r of rows)
            r.series.forEach((v, i) => {
              series[i]! += v;
            });
          const spend = series.reduce((t, v) => t + v, 0);
          const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
          const ahead = forecastDailyCost(dailyTotals(result.window.start, 3600, series), {
            horizonDays: Math.ceil((end - now.getTime()) / 86_400_000),
          }).total;
          const notices = evaluateBudget(b, { actual: spend, forecast: spend + ahead }, now);
          return { budget: b, spend, forecast: spend + ahead, notices };
        });
        if (asCsv) {
          return void ctx.io.stdout.write(
            csv([
              ['NAME', 'SCOPE', 'AMOUNT', 'SPENT', 'FORECAST'],
              ...statuses.map((s) => [
                s.budget.name,
                JSON.stringify(s.budget.scope),
                s.budget.amount,
                s.spend.toFixed(2),
                s.forecast.toFixed(2),
              ]),
            ]),
          );
        }
        ctx.print(command, { items: statuses }, (d) =>
          d.items.length === 0
            ? 'no budgets (add one with --set NAME --amount N)'
            : `${renderColumns([
                ['NAME', 'SCOPE', 'AMOUNT', 'SPENT', '%', 'FORECAST', '%'],
                ...d.items.map((s) => [
                  s.budget.name,
                  s.budget.scope.namespace ?? s.budget.scope.label ?? 'cluster',
                  s.budget.amount.toFixed(2),
                  s.spend.toFixed(2),
                  ((s.spend / s.budget.amount) * 100).toFixed(0),
                  s.forecast.toFixed(2),
                  ((s.forecast / s.budget.amount) * 100).toFixed(0),
                ]),
              ])}\n${noticesText(d.items.flatMap((s) => s.notices))}`,
        );
      } finally {
        gateway.close();
      }
    });
  });

  withCommon(
    cost
      .command('forecast')
      .description('daily cost for the next days (Holt-Winters with weekly seasonality), with an interval')
      .option('--days <n>', 'days to forecast (1 to 90)', '30')
      .option('--history <duration>', 'history to learn from', '30d'),
  ).action(async (raw: unknown, command: Command) => {
    const o = ForecastOptions.parse(raw);
    const asCsv = wantsCsv(o, command);
    const config = await ctx.loadConfig(command);
    const gateway = openGateway(config, ctx.io);
    try {
      const { input } = await localCostInput(config, ctx.io, gateway, cliWindow(o.history, '1h'));
      const result = allocateCluster(input, cliPrices(o.pricing, ctx.io), { aggregate: 'cluster' });
      const total = new Array<number>(result.window.steps).fill(0);
      for (const r of result.rows)
        r.series.forEach((v, i) => {
          total[i]! += v;
        });
      const f = forecastDailyCost(dailyTotals(result.window.start, 3600, total), { horizonDays: o.days });
      const rows = [
        ['DAY', 'COST', 'LOWER', 'UPPER'],
        ...f.points.map((p) => [
          new Date(p.day * 1000).toISOString().slice(0, 10),
          p.cost.toFixed(2),
          p.lower.toFixed(2),
          p.upper.toFixed(2),
        ]),
      ];
      if (asCsv) return void ctx.io.stdout.write(csv(rows));
      ctx.print(
        command,
        f,
        (d) =>
          `${renderColumns(rows)}\n${d.total.toFixed(2)} USD over ${o.days} days (${d.total_lower.toFixed(2)} to ${d.total_upper.toFixed(2)}); ${d.method} from ${d.history_days} days`,
      );
    } finally {
      gateway.close();
    }
  });
  return cost;
}
