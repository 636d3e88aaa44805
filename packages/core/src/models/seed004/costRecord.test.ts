import { describe, expect, it } from 'vitest';
import { CostRecord, NewCostRecord } from './costRecord.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const start = '2026-01-01T00:00:00.000Z';
const end = '2026-01-02T00:00:00.000Z';
const record = {
  resource_type: 'Deployment',
  resource_id: 'todo/backend',
  cost_amount: 12.3456,
  period_start: start,
  period_end: end,
};

describe('CostRecord', () => {
  it('defaults to USD and empty metadata', () => {
    expect(NewCostRecord.parse(record)).toEqual({ ...record, currency: 'USD', metadata: {} });
  });

  it('stores amounts the DECIMAL(10, 4) column can hold', () => {
    expect(NewCostRecord.safeParse({ ...record, cost_amount: 0 }).success).toBe(true);
    expect(NewCostRecord.safeParse({ ...record, cost_amount: 1.23456 }).success).toBe(false);
    expect(NewCostRecord.safeParse({ ...record, cost_amount: -1 }).success).toBe(false);
    expect(NewCostRecord.safeParse({ ...record, cost_amount: 1_000_000 }).success).toBe(false);
  });

  it('takes ISO 4217 currency codes only', () => {
    expect(NewCostRecord.safeParse({ ...record, currency: 'EUR' }).success).toBe(true);
    expect(NewCostRecord.safeParse({ ...record, currency: 'usd' }).success).toBe(false);
  });

  it('requires period_end after period_start', () => {
    const same = NewCostRecord.safeParse({ ...record, period_end: start });
    expect(same.error?.issues[0]).toMatchObject({
      path: ['period_end'],
      message: 'period_end must be after period_start',
    });
    expect(CostRecord.safeParse({ ...record, id, created_at: end, period_start: end, period_end: start }).success).toBe(
      false,
    );
    expect(CostRecord.safeParse({ ...record, id, created_at: end }).success).toBe(true);
  });

  it('bounds resource_type to the seed column width', () => {
    expect(NewCostRecord.safeParse({ ...record, resource_type: 'x'.repeat(101) }).success).toBe(false);
  });
});
