import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from './testing/index.js';

describe('budget notices (migration 0016)', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
  });
  afterAll(() => t?.cleanup());

  it('records a threshold crossed once per budget, period, kind and threshold', async () => {
    const budget = await t.store.budgetAlerts.create({ name: 'todo', scope: { namespace: 'todo' }, amount: 100 });
    const notice = {
      budget_id: budget.id,
      kind: 'ACTUAL' as const,
      threshold_percent: 80,
      amount: 100,
      spend: 81.5,
      percent: 81.5,
      period_start: '2026-12-01T00:00:00.000Z',
      period_end: '2027-01-01T00:00:00.000Z',
      message: 'budget "todo" reached 80 %',
    };
    const stored = await t.store.budgetNotices.create(notice);
    expect(stored).toMatchObject({ ...notice, currency: 'USD' });
    await expect(t.store.budgetNotices.create(notice)).rejects.toThrow(/already exists|unique|conflict/i);
    await t.store.budgetNotices.create({ ...notice, kind: 'FORECAST' });
    expect((await t.store.budgetNotices.list({ budget_id: budget.id })).items).toHaveLength(2);
    await t.store.budgetAlerts.delete(budget.id);
    expect((await t.store.budgetNotices.list({ budget_id: budget.id })).items).toHaveLength(0);
  });
});
