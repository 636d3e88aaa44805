import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { Currency } from './cost.js';
import { ResourceRef } from './shared.js';

const utilizationFields = {
  cluster_id: Uuid.optional(),
  resource: ResourceRef,
  cpu_requested_cores: z.number().min(0),
  cpu_used_cores: z.number().min(0),
  memory_requested_bytes: z.number().int().min(0),
  memory_used_bytes: z.number().int().min(0),
  window_start: Timestamp,
  window_end: Timestamp,
};

/** Requested versus used resources of a workload over a window (seed 004 `resource_utilization`). */
export const ResourceUtilization = z.object({ id: Uuid, ...utilizationFields, created_at: Timestamp });
export type ResourceUtilization = z.infer<typeof ResourceUtilization>;

/** The caller-supplied part of a {@link ResourceUtilization}. */
export const NewResourceUtilization = z.object(utilizationFields);
export type NewResourceUtilization = z.input<typeof NewResourceUtilization>;

const budgetFields = {
  name: z.string().min(1),
  scope: z
    .object({ cluster_id: Uuid.optional(), namespace: z.string().optional(), label: z.string().optional() })
    .default({}),
  amount: z.number().positive('must be above 0'),
  currency: Currency.default('USD'),
  period: z.enum(['MONTHLY', 'QUARTERLY', 'YEARLY']).default('MONTHLY'),
  thresholds_percent: z.array(z.number().int().min(1).max(100)).min(1).default([80, 100]),
  notify: z.array(z.string()).default([]),
  enabled: z.boolean().default(true),
  last_triggered_at: Timestamp.optional(),
};

/** A budget with alert thresholds (seed 004 `budget_alerts`). */
export const BudgetAlert = z.object({ id: Uuid, ...budgetFields, created_at: Timestamp });
export type BudgetAlert = z.infer<typeof BudgetAlert>;

/** The caller-supplied part of a {@link BudgetAlert}. */
export const NewBudgetAlert = z.object(budgetFields);
export type NewBudgetAlert = z.input<typeof NewBudgetAlert>;
