import type { BudgetAlert } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { budgetPeriodOf, evaluateBudget, noticeKey, scopeAggregate } from './evaluateBudget.js';

const budget: BudgetAlert = {
  id: '00000000-0000-4000-8000-0000000000b1',
  name: 'todo',
  scope: { namespace: 'todo' },
  amount: 100,
  currency: 'USD',
  period: 'MONTHLY',
  thresholds_percent: [50, 80, 100],
  notify: [],
  enabled: true,
  created_at: '2026-12-01T00:00:00.000Z',
};
const now = new Date('2026-12-10T12:00:00Z');

describe('evaluateBudget', () => {
  it('alerts each threshold reached in fact, and those only the forecast reaches', () => {
    const notices = evaluateBudget(budget, { actual: 55, forecast: 130 }, now);
    expect(notices.map((n) => `${n.kind}:${n.threshold_percent}`)).toEqual([
      'ACTUAL:50',
      'FORECAST:80',
      'FORECAST:100',
    ]);
    expect(notices[0]).toMatchObject({
      spend: 55,
      percent: 55,
      period_start: '2026-12-01T00:00:00.000Z',
      period_end: '2027-01-01T00:00:00.000Z',
    });
    expect(notices[0]!.message).toBe('budget "todo" reached 50 %: 55.00 USD of 100.00 USD spent');
    expect(notices[2]!.message).toMatch(/forecast to reach 100 %: 130.00 USD of 100.00 USD by 2027-01-01/);
  });

  it('sends a notice once per period and nothing for a disabled budget', () => {
    const first = evaluateBudget(budget, { actual: 85 }, now);
    const sent = new Set(first.map(noticeKey));
    expect(first).toHaveLength(2);
    expect(evaluateBudget(budget, { actual: 90 }, now, sent)).toEqual([]);
    expect(evaluateBudget({ ...budget, enabled: false }, { actual: 500 }, now)).toEqual([]);
  });

  it('knows the periods and which allocation measures a scope', () => {
    expect(budgetPeriodOf(new Date('2026-11-15T00:00:00Z'), 'QUARTERLY').start.toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
    expect(budgetPeriodOf(now, 'YEARLY').end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(scopeAggregate({ label: 'team=red' })).toEqual({ aggregate: 'label:team', key: 'red' });
    expect(scopeAggregate({ namespace: 'todo' })).toEqual({ aggregate: 'namespace', key: 'todo' });
    expect(scopeAggregate({})).toEqual({ aggregate: 'cluster' });
  });
});
