import type { BudgetAlert, Cluster } from '@opspilot/core';
import {
  type BudgetNotice,
  budgetPeriodOf,
  evaluateBudget,
  forecastDailyCost,
  IDLE_KEY,
  noticeKey,
  scopeAggregate,
} from '@opspilot/cost';
import type { ApiServices } from '../api/apiServices.js';
import { allocation } from './costQueries.js';

const DAY_MS = 86_400_000;

/** A budget with what was spent this period and what the forecast says it will be at its end. */
export interface BudgetStatus {
  budget: BudgetAlert;
  spend: number;
  forecast: number;
  percent: number;
  forecast_percent: number;
  period_start: string;
  period_end: string;
}

/**
 * Spend of a budget's scope since the start of its period (hourly allocation, as far back as the metrics reach)
 * and the forecast at the period's end (spend + the daily forecast of the days left).
 */
export async function budgetStatus(
  services: ApiServices,
  clusters: readonly Cluster[],
  budget: BudgetAlert,
  signal?: AbortSignal,
): Promise<BudgetStatus> {
  const now = services.clock.now();
  const { start, end } = budgetPeriodOf(now, budget.period);
  const scoped = budget.scope.cluster_id ? clusters.filter((c) => c.id === budget.scope.cluster_id) : clusters;
  const { aggregate, key } = scopeAggregate(budget.scope);
  const sinceMs = Math.max(3_600_000, Math.ceil((now.getTime() - start.getTime()) / 3_600_000) * 3_600_000);
  const result = await allocation(
    services,
    scoped,
    { aggregate: aggregate as never, sinceMs, stepMs: 3_600_000, shareIdle: 'none' },
    signal,
  );
  const rows = result.rows.filter((r) => (key === undefined ? true : r.key === key && r.key !== IDLE_KEY));
  const series = new Array<number>(result.window.steps).fill(0);
  for (const row of rows)
    row.series.forEach((v, i) => {
      series[i]! += v;
    });
  const spend = series.reduce((t, v) => t + v, 0);
  const daysLeft = Math.max(0, Math.ceil((end.getTime() - now.getTime()) / DAY_MS));
  const byDay = new Map<number, number>();
  series.forEach((v, i) => {
    const t = result.window.start + i * result.window.stepSeconds;
    byDay.set(t - (t % 86_400), (byDay.get(t - (t % 86_400)) ?? 0) + v);
  });
  const history = [...byDay].map(([day, cost]) => ({ day, cost }));
  const ahead = forecastDailyCost(history, { horizonDays: daysLeft }).total;
  const forecast = spend + ahead;
  return {
    budget,
    spend: round2(spend),
    forecast: round2(forecast),
    percent: round2((spend / budget.amount) * 100),
    forecast_percent: round2((forecast / budget.amount) * 100),
    period_start: start.toISOString(),
    period_end: end.toISOString(),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Evaluates every enabled budget and, for each threshold newly reached (in fact or by forecast), stores a budget
 * notice (once per period), publishes `BUDGET_ALERT` on the bus and posts the notice to the budget's webhook URLs
 * (`notify` entries that are http(s) URLs). Returns the notices sent.
 */
export async function checkBudgets(
  services: ApiServices,
  clusters: readonly Cluster[],
  signal?: AbortSignal,
): Promise<BudgetNotice[]> {
  const budgets = await services.store.budgetAlerts.list({ enabled: true }, { page: 1, page_size: 100 });
  const sent: BudgetNotice[] = [];
  for (const budget of budgets.items) {
    const status = await budgetStatus(services, clusters, budget, signal);
    const previous = await services.store.budgetNotices.list(
      { budget_id: budget.id, period_start: status.period_start },
      { page: 1, page_size: 100 },
    );
    const already = new Set(previous.items.map(noticeKey));
    const notices = evaluateBudget(
      budget,
      { actual: status.spend, forecast: status.forecast },
      services.clock.now(),
      already,
    );
    for (const notice of notices) {
      await services.store.budgetNotices.create({
        budget_id: notice.budget_id,
        kind: notice.kind,
        threshold_percent: notice.threshold_percent,
        amount: notice.amount,
        currency: notice.currency,
        spend: notice.spend,
        percent: notice.percent,
        period_start: notice.period_start,
        period_end: notice.period_end,
        message: notice.message,
      });
      await services.bus.publish({
        event_type: 'BUDGET_ALERT',
        ...(budget.scope.cluster_id ? { cluster_id: budget.scope.cluster_id } : {}),
        ...(budget.scope.namespace ? { namespace: budget.scope.namespace } : {}),
        timestamp: services.clock.now().toISOString(),
        payload: { ...notice },
      });
      await postWebhooks(services, budget.notify, notice);
      sent.push(notice);
    }
    if (notices.length > 0)
      await services.store.budgetAlerts.update(budget.id, { last_triggered_at: services.clock.now().toISOString() });
  }
  return sent;
}

async function postWebhooks(services: ApiServices, notify: readonly string[], notice: BudgetNotice): Promise<void> {
  for (const url of notify.filter((n) => /^https?:\/\//.test(n))) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'BUDGET_ALERT', notice }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) services.logger.warn({ url, status: response.status }, 'budget webhook failed');
    } catch (error) {
      services.logger.warn({ url, error: (error as Error).message }, 'budget webhook failed');
    }
  }
}
