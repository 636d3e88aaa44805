import { describe, expect, it } from 'vitest';
import { CostRecommendation, NewCostRecommendation } from './costRecommendation.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const rec = {
  type: 'RIGHTSIZE',
  resource: { kind: 'Deployment', namespace: 'todo', name: 'backend' },
  description: 'Lower backend CPU requests to 250m',
  estimated_monthly_savings: 42.5,
};

describe('CostRecommendation', () => {
  it('opens in USD with no proposed change and middling confidence by default', () => {
    expect(NewCostRecommendation.parse(rec)).toEqual({
      ...rec,
      currency: 'USD',
      proposed_change: {},
      confidence: 0.5,
      status: 'OPEN',
    });
  });

  it('refuses savings above the current cost', () => {
    expect(NewCostRecommendation.safeParse({ ...rec, current_monthly_cost: 42.5 }).success).toBe(true);
    const r = NewCostRecommendation.safeParse({ ...rec, current_monthly_cost: 40 });
    expect(r.error?.issues[0]).toMatchObject({
      path: ['estimated_monthly_savings'],
      message: 'estimated_monthly_savings must not exceed current_monthly_cost',
    });
  });

  it('bounds savings and confidence, and needs a description', () => {
    expect(NewCostRecommendation.safeParse({ ...rec, estimated_monthly_savings: -1 }).success).toBe(false);
    expect(NewCostRecommendation.safeParse({ ...rec, estimated_monthly_savings: 1.00001 }).success).toBe(false);
    expect(NewCostRecommendation.safeParse({ ...rec, confidence: 1.1 }).success).toBe(false);
    expect(NewCostRecommendation.safeParse({ ...rec, confidence: 1 }).success).toBe(true);
    expect(NewCostRecommendation.safeParse({ ...rec, description: '' }).success).toBe(false);
  });

  it('refuses unknown types and statuses', () => {
    expect(NewCostRecommendation.safeParse({ ...rec, type: 'DELETE' }).success).toBe(false);
    expect(CostRecommendation.safeParse({ ...rec, id, status: 'DONE', created_at: at }).success).toBe(false);
    expect(CostRecommendation.safeParse({ ...rec, id, status: 'APPLIED', created_at: at }).success).toBe(true);
  });
});
