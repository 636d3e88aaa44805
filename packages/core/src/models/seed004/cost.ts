import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { ResourceRef } from './shared.js';

/** An ISO 4217 currency code such as USD. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');

const Money = z
  .number()
  .min(0, 'must not be negative')
  .refine((n) => Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6, 'must have at most 4 decimals');

const recordFields = {
  cluster_id: Uuid.optional(),
  resource_type: z.string().min(1).max(100),
  resource_id: z.string().min(1).max(255),
  namespace: z.string().optional(),
  cost_amount: Money,
  currency: Currency.default('USD'),
  period_start: Timestamp,
  period_end: Timestamp,
  metadata: JsonObject.default({}),
};
const periodOrdered = (r: { period_start: string; period_end: string }) =>
  Date.parse(r.period_end) > Date.parse(r.period_start);
const periodMessage = { message: 'period_end must be after period_start', path: ['period_end'] };

/** Cost of one resource over a period (seed 004 `cost_records`). */
export const CostRecord = z
  .object({ id: Uuid, ...recordFields, created_at: Timestamp })
  .refine(periodOrdered, periodMessage);
export type CostRecord = z.infer<typeof CostRecord>;

/** The caller-supplied part of a {@link CostRecord}. */
export const NewCostRecord = z.object(recordFields).refine(periodOrdered, periodMessage);
export type NewCostRecord = z.input<typeof NewCostRecord>;

const recommendationFields = {
  cluster_id: Uuid.optional(),
  type: z.enum(['RIGHTSIZE', 'IDLE_RESOURCE', 'SPOT', 'RESERVED', 'STORAGE']),
  resource: ResourceRef,
  description: z.string().min(1),
  current_monthly_cost: Money.optional(),
  estimated_monthly_savings: Money,
  currency: Currency.default('USD'),
  proposed_change: JsonObject.default({}),
  confidence: z.number().min(0).max(1).default(0.5),
  status: z.enum(['OPEN', 'APPLIED', 'DISMISSED']).default('OPEN'),
};

/** A cost optimisation proposal (seed 004 `cost_recommendations`). */
export const CostRecommendation = z.object({ id: Uuid, ...recommendationFields, created_at: Timestamp });
export type CostRecommendation = z.infer<typeof CostRecommendation>;

/** The caller-supplied part of a {@link CostRecommendation}. */
export const NewCostRecommendation = z.object(recommendationFields);
export type NewCostRecommendation = z.input<typeof NewCostRecommendation>;
