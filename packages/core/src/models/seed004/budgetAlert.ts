import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { Currency, MoneyAmount } from './money.js';
import { type ModelRule, withRules } from './withRules.js';

/** The period a budget resets over (seed 004 `budget_alerts`). */
export const BudgetPeriod = z.enum(['MONTHLY', 'QUARTERLY', 'YEARLY']);
export type BudgetPeriod = z.infer<typeof BudgetPeriod>;

/**
 * Which costs count against a budget: a cluster, a namespace, a label selector such as `team=platform`, or any
 * combination; empty means the whole fleet.
 */
export const BudgetScope = z.object({
  cluster_id: Uuid.optional(),
  namespace: z.string().min(1).optional(),
  label: z
    .string()
    .regex(/^[^=\s]+=[^=\s]*$/, 'must be a label selector such as team=platform')
    .optional(),
});
export type BudgetScope = z.infer<typeof BudgetScope>;

const budgetFields = {
  name: z.string().min(1).max(255),
  scope: BudgetScope.default({}),
  amount: MoneyAmount.refine((n) => n > 0, 'must be above 0'),
  currency: Currency.default('USD'),
  period: BudgetPeriod.default('MONTHLY'),
  /** Alert when spend (or the forecast) reaches these percentages of `amount`. */
  thresholds_percent: z.array(z.number().int().min(1).max(100)).min(1).default([80, 100]),
  /** Notification channel ids to alert. */
  notify: z.array(z.string().min(1)).default([]),
  enabled: z.boolean().default(true),
  last_triggered_at: Timestamp.optional(),
};

const budgetRules: ModelRule<{ thresholds_percent: number[] }>[] = [
  {
    check: (b) => new Set(b.thresholds_percent).size === b.thresholds_percent.length,
    message: 'thresholds_percent must not repeat a value',
    path: ['thresholds_percent'],
  },
];

/** A budget with alert thresholds (seed 004 `budget_alerts`, `costOptimizer.setBudget`). */
export const BudgetAlert = withRules(z.object({ id: Uuid, ...budgetFields, created_at: Timestamp }), budgetRules);
export type BudgetAlert = z.infer<typeof BudgetAlert>;

/** What a caller supplies to set a {@link BudgetAlert}. */
export const NewBudgetAlert = withRules(z.object(budgetFields), budgetRules);
export type NewBudgetAlert = z.input<typeof NewBudgetAlert>;
