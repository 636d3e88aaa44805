import type { CostQuestion, CostRecommendation } from '@opspilot/core';
import { type AllocationResult, IDLE_KEY } from '../allocation/allocate.js';
import { HOURS_PER_MONTH } from '../pricing/defaultPrices.js';

/** One line of a cost answer: a namespace, workload or recommendation and its amount. */
export interface CostAnswerLine {
  name: string;
  amount: number;
}

/** The answer to a cost question: the amount (per period, or per month saved), its breakdown and one sentence. */
export interface CostAnswer {
  currency: string;
  amount: number;
  lines: CostAnswerLine[];
  answer: string;
}

const PERIOD_HOURS = { hour: 1, day: 24, month: HOURS_PER_MONTH } as const;
const money = (n: number, currency: string) => `${n.toFixed(2)} ${currency}`;

/** How many hours of the window had any cost at all (pods with usage or idle nodes): the rate's denominator. */
function coveredHours(result: AllocationResult): number {
  let covered = 0;
  for (let i = 0; i < result.window.steps; i++) {
    const any = result.rows.some((r) => (r.series[i] ?? 0) > 0) || result.idle.some((r) => (r.series[i] ?? 0) > 0);
    if (any) covered++;
  }
  return (covered * result.window.stepSeconds) / 3600;
}

/**
 * "How much does namespace todo cost per month": the allocation's rate over the hours it covers, scaled to the
 * period asked. `result` is grouped by namespace (a namespace or the cluster was asked) or by workload. The
 * cluster's answer includes idle cost; a namespace's or workload's does not (it is listed apart).
 */
export function answerCostQuestion(
  result: AllocationResult,
  q: Extract<CostQuestion, { kind: 'cost' }>,
): CostAnswer | { missing: string } {
  const hours = coveredHours(result);
  const perPeriod = (total: number) => (hours > 0 ? (total / hours) * PERIOD_HOURS[q.period] : 0);
  const matches = result.rows.filter((r) =>
    q.namespace ? r.key === q.namespace : q.workload ? r.key.split('/').at(-1) === q.workload : true,
  );
  if ((q.namespace || q.workload) && matches.length === 0) {
    return { missing: q.namespace ? `namespace ${q.namespace}` : `workload ${q.workload}` };
  }
  const idle = q.namespace || q.workload ? 0 : result.idle.reduce((t, r) => t + r.total_cost, 0);
  const amount = perPeriod(matches.reduce((t, r) => t + r.total_cost, 0) + idle);
  const lines = matches
    .filter((r) => r.key !== IDLE_KEY)
    .map((r) => ({ name: r.key, amount: perPeriod(r.total_cost) }))
    .sort((a, b) => b.amount - a.amount)
    .slice(0, 10);
  if (idle > 0) lines.push({ name: IDLE_KEY, amount: perPeriod(idle) });
  const what = q.namespace ? `namespace ${q.namespace}` : q.workload ? `workload ${q.workload}` : 'the cluster';
  const basis = `at the rate of the last ${Math.round(hours)} h (max of request and usage)`;
  return {
    currency: result.currency,
    amount,
    lines,
    answer: `${what} costs about ${money(amount, result.currency)} per ${q.period}, ${basis}`,
  };
}

/** "What can I save": the open recommendations' monthly savings, the largest first. */
export function answerSavings(items: readonly CostRecommendation[], insufficient = 0): CostAnswer {
  const currency = items[0]?.currency ?? 'USD';
  const amount = items.reduce((t, r) => t + r.estimated_monthly_savings, 0);
  const lines = [...items]
    .sort((a, b) => b.estimated_monthly_savings - a.estimated_monthly_savings)
    .slice(0, 10)
    .map((r) => ({
      name: `${r.type} ${r.resource.namespace ? `${r.resource.namespace}/` : ''}${r.resource.name}: ${r.description}`,
      amount: r.estimated_monthly_savings,
    }));
  const lacking = insufficient ? `; ${insufficient} container(s) have too little history yet` : '';
  return {
    currency,
    amount,
    lines,
    answer: `about ${money(amount, currency)} per month can be saved with ${items.length} recommendation(s)${lacking}`,
  };
}

/** "Rightsize backend": the workload's open RIGHTSIZE recommendations, the largest saving first. */
export function rightsizingOf(
  items: readonly CostRecommendation[],
  q: Extract<CostQuestion, { kind: 'rightsize' }>,
): CostRecommendation[] {
  return items
    .filter(
      (r) =>
        r.type === 'RIGHTSIZE' &&
        r.status === 'OPEN' &&
        r.resource.name === q.workload &&
        (!q.namespace || r.resource.namespace === q.namespace),
    )
    .sort((a, b) => b.estimated_monthly_savings - a.estimated_monthly_savings);
}
