import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { Currency, MoneyAmount } from './money.js';
import { RecommendationStatus } from './recommendationStatus.js';
import { ResourceRef } from './resourceRef.js';
import { type ModelRule, withRules } from './withRules.js';

/**
 * Kinds of saving (seed 004 cost optimiser): shrink requests (RIGHTSIZE), remove what nothing uses
 * (IDLE_RESOURCE), move to spot or reserved capacity, clean up or downgrade volumes (STORAGE).
 */
export const CostRecommendationType = z.enum(['RIGHTSIZE', 'IDLE_RESOURCE', 'SPOT', 'RESERVED', 'STORAGE']);
export type CostRecommendationType = z.infer<typeof CostRecommendationType>;

const recommendationFields = {
  cluster_id: Uuid.optional(),
  type: CostRecommendationType,
  resource: ResourceRef,
  /** What to change and why, in one or two sentences. */
  description: z.string().min(1),
  current_monthly_cost: MoneyAmount.optional(),
  estimated_monthly_savings: MoneyAmount,
  currency: Currency.default('USD'),
  /** The change to apply, e.g. new requests `{ cpu: '250m', memory: '256Mi' }`; it goes through review. */
  proposed_change: JsonObject.default({}),
  /** How sure the analyser is, 0 to 1; 0.5 when it cannot tell. */
  confidence: z.number().min(0).max(1).default(0.5),
  status: RecommendationStatus.default('OPEN'),
};

const recommendationRules: ModelRule<{ current_monthly_cost?: number; estimated_monthly_savings: number }>[] = [
  {
    check: (r) => r.current_monthly_cost === undefined || r.estimated_monthly_savings <= r.current_monthly_cost,
    message: 'estimated_monthly_savings must not exceed current_monthly_cost',
    path: ['estimated_monthly_savings'],
  },
];

/** A cost-saving proposal for one resource (seed 004 `cost_recommendations`), applied through review. */
export const CostRecommendation = withRules(
  z.object({ id: Uuid, ...recommendationFields, created_at: Timestamp }),
  recommendationRules,
);
export type CostRecommendation = z.infer<typeof CostRecommendation>;

/** What the analyser supplies to record a {@link CostRecommendation}. */
export const NewCostRecommendation = withRules(z.object(recommendationFields), recommendationRules);
export type NewCostRecommendation = z.input<typeof NewCostRecommendation>;
