import { Currency, MoneyAmount, Timestamp, Uuid } from '@opspilot/core';
import { z } from 'zod';
import type { EntitySpec } from './repository.js';

const noticeFields = {
  budget_id: Uuid,
  /** ACTUAL: spend reached the threshold; FORECAST: the cost forecast says it will by the end of the period. */
  kind: z.enum(['ACTUAL', 'FORECAST']),
  threshold_percent: z.number().int().min(1).max(1000),
  amount: MoneyAmount,
  currency: Currency.default('USD'),
  /** Spend so far (ACTUAL) or forecast at the end of the period (FORECAST). */
  spend: z.number().min(0),
  percent: z.number().min(0),
  period_start: Timestamp,
  period_end: Timestamp,
  message: z.string().min(1),
};

/**
 * A budget threshold crossed (migration 0016 `budget_notices`): the cost optimizer's BudgetAlert as sent, at most
 * once per budget, period, kind and threshold (a unique index says so).
 */
export const StoredBudgetNotice = z.object({ id: Uuid, ...noticeFields, created_at: Timestamp });
export type StoredBudgetNotice = z.infer<typeof StoredBudgetNotice>;

/** What a caller supplies to record a notice. */
export const NewStoredBudgetNotice = z.object(noticeFields);
export type NewStoredBudgetNotice = z.input<typeof NewStoredBudgetNotice>;

/** The generic-repository mapping of `budget_notices`. */
export const BUDGET_NOTICE_SPEC: EntitySpec<StoredBudgetNotice, NewStoredBudgetNotice> = {
  table: 'budget_notices',
  noun: 'budget notice',
  schema: StoredBudgetNotice,
  newSchema: NewStoredBudgetNotice,
  stamps: ['created_at'],
};
