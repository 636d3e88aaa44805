import { describe, expect, it } from 'vitest';
import { BudgetAlert, NewBudgetAlert } from './budgetAlert.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const budget = { name: 'payments', amount: 1000 };

describe('BudgetAlert', () => {
  it('defaults to a monthly USD budget alerting at 80 and 100 percent', () => {
    expect(NewBudgetAlert.parse(budget)).toEqual({
      ...budget,
      scope: {},
      currency: 'USD',
      period: 'MONTHLY',
      thresholds_percent: [80, 100],
      notify: [],
      enabled: true,
    });
  });

  it('bounds thresholds to whole percents 1..100 without repeats', () => {
    expect(NewBudgetAlert.safeParse({ ...budget, thresholds_percent: [1, 100] }).success).toBe(true);
    expect(NewBudgetAlert.safeParse({ ...budget, thresholds_percent: [0] }).success).toBe(false);
    expect(NewBudgetAlert.safeParse({ ...budget, thresholds_percent: [101] }).success).toBe(false);
    expect(NewBudgetAlert.safeParse({ ...budget, thresholds_percent: [50.5] }).success).toBe(false);
    expect(NewBudgetAlert.safeParse({ ...budget, thresholds_percent: [] }).success).toBe(false);
    const dup = NewBudgetAlert.safeParse({ ...budget, thresholds_percent: [80, 80] });
    expect(dup.error?.issues[0]?.message).toBe('thresholds_percent must not repeat a value');
  });

  it('needs a positive amount and a known period', () => {
    expect(NewBudgetAlert.safeParse({ ...budget, amount: 0 }).success).toBe(false);
    expect(NewBudgetAlert.safeParse({ ...budget, amount: 0.0001 }).success).toBe(true);
    expect(NewBudgetAlert.safeParse({ ...budget, period: 'WEEKLY' }).success).toBe(false);
  });

  it('scopes by cluster, namespace and label selector', () => {
    const scope = { cluster_id: id, namespace: 'payments', label: 'team=platform' };
    expect(BudgetAlert.parse({ ...budget, id, scope, created_at: at }).scope).toEqual(scope);
    expect(NewBudgetAlert.safeParse({ ...budget, scope: { label: 'platform' } }).success).toBe(false);
    expect(NewBudgetAlert.safeParse({ ...budget, scope: { cluster_id: 'prod' } }).success).toBe(false);
  });
});
