import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { Currency, MoneyAmount } from './money.js';
import { strictlyAfter } from './timeOrder.js';
import { type ModelRule, withRules } from './withRules.js';

const recordFields = {
  cluster_id: Uuid.optional(),
  /** What is billed, e.g. `Deployment`, `PersistentVolume`, `Node`, `LoadBalancer`. */
  resource_type: z.string().min(1).max(100),
  /** Which one, e.g. `todo/backend` or a cloud resource id. */
  resource_id: z.string().min(1).max(255),
  namespace: z.string().min(1).optional(),
  cost_amount: MoneyAmount,
  currency: Currency.default('USD'),
  period_start: Timestamp,
  period_end: Timestamp,
  /** Breakdown and provenance, e.g. `{ cpu: 1.2, memory: 0.4, source: 'opencost' }`. */
  metadata: JsonObject.default({}),
};

const recordRules: ModelRule<{ period_start: string; period_end: string }>[] = [
  {
    check: (r) => strictlyAfter(r.period_start, r.period_end),
    message: 'period_end must be after period_start',
    path: ['period_end'],
  },
];

/**
 * The cost of one resource over one period (seed 004 `cost_records`), as allocated by OpenCost, Kubecost or a
 * cloud bill. Costs are summed per namespace, cluster and period for the FinOps dashboard and the forecast.
 */
export const CostRecord = withRules(z.object({ id: Uuid, ...recordFields, created_at: Timestamp }), recordRules);
export type CostRecord = z.infer<typeof CostRecord>;

/** What a cost collector supplies to record a {@link CostRecord}. */
export const NewCostRecord = withRules(z.object(recordFields), recordRules);
export type NewCostRecord = z.input<typeof NewCostRecord>;
