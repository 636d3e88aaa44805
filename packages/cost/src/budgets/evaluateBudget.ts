import type { BudgetAlert, BudgetPeriod, BudgetScope } from '@opspilot/core';

/** Budget thresholds users get when they name none (percent of the amount). */
export const DEFAULT_BUDGET_THRESHOLDS = [50, 80, 100] as const;

/** A threshold crossed by what was spent (ACTUAL) or what the forecast says will be (FORECAST). */
export interface BudgetNotice {
  budget_id: string;
  budget: string;
  kind: 'ACTUAL' | 'FORECAST';
  threshold_percent: number;
  amount: number;
  currency: string;
  /** Spend so far (ACTUAL) or forecast spend at the end of the period (FORECAST). */
  spend: number;
  percent: number;
  period_start: string;
  period_end: string;
  message: string;
}

/** The UTC period of `period` that contains `now`: [start, end). */
export function budgetPeriodOf(now: Date, period: BudgetPeriod): { start: Date; end: Date } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  if (period === 'YEARLY') return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1)) };
  if (period === 'QUARTERLY') {
    const q = m - (m % 3);
    return { start: new Date(Date.UTC(y, q, 1)), end: new Date(Date.UTC(y, q + 3, 1)) };
  }
  return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) };
}

/** The key that stops a notice from repeating within a period. */
export function noticeKey(n: Pick<BudgetNotice, 'budget_id' | 'kind' | 'threshold_percent' | 'period_start'>): string {
  return `${n.budget_id}:${n.period_start}:${n.kind}:${n.threshold_percent}`;
}

/**
 * The thresholds of `budget` crossed by `actual` (spent so far this period) and by `forecast` (spent by the end
 * of the period, by the cost forecast), each once per period: `alreadySent` holds the {@link noticeKey}s sent.
 * A FORECAST notice is not sent for a threshold already crossed in fact. A disabled budget sends nothing.
 */
export function evaluateBudget(
  budget: BudgetAlert,
  spend: { actual: number; forecast?: number },
  now: Date,
  alreadySent: ReadonlySet<string> = new Set(),
): BudgetNotice[] {
  if (!budget.enabled) return [];
  const { start, end } = budgetPeriodOf(now, budget.period);
  const out: BudgetNotice[] = [];
  const thresholds = [...budget.thresholds_percent].sort((a, b) => a - b);
  for (const kind of ['ACTUAL', 'FORECAST'] as const) {
    const value = kind === 'ACTUAL' ? spend.actual : spend.forecast;
    if (value === undefined) continue;
    const percent = (value / budget.amount) * 100;
    for (const threshold of thresholds) {
      if (percent < threshold) continue;
      if (kind === 'FORECAST' && (spend.actual / budget.amount) * 100 >= threshold) continue;
      const notice: BudgetNotice = {
        budget_id: budget.id,
        budget: budget.name,
        kind,
        threshold_percent: threshold,
        amount: budget.amount,
        currency: budget.currency,
        spend: Math.round(value * 100) / 100,
        percent: Math.round(percent * 10) / 10,
        period_start: start.toISOString(),
        period_end: end.toISOString(),
        message:
          kind === 'ACTUAL'
            ? `budget "${budget.name}" reached ${threshold} %: ${fmt(value, budget.currency)} of ${fmt(budget.amount, budget.currency)} spent`
            : `budget "${budget.name}" is forecast to reach ${threshold} %: ${fmt(value, budget.currency)} of ${fmt(budget.amount, budget.currency)} by ${end.toISOString().slice(0, 10)}`,
      };
      if (!alreadySent.has(noticeKey(notice))) out.push(notice);
    }
  }
  return out;
}

function fmt(n: number, currency: string): string {
  return `${n.toFixed(2)} ${currency}`;
}

/** Which allocation aggregate and key measure a scope: a label's value, a namespace, or the whole cluster(s). */
export function scopeAggregate(scope: BudgetScope): { aggregate: string; key?: string } {
  if (scope.label) {
    const [k, v] = scope.label.split('=') as [string, string];
    return { aggregate: `label:${k}`, key: v };
  }
  if (scope.namespace) return { aggregate: 'namespace', key: scope.namespace };
  return { aggregate: 'cluster' };
}
