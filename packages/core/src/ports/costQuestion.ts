import { z } from 'zod';

/**
 * A cost question `ask` recognises (read by `@opspilot/cost`, answered by the composition root with the cost
 * optimizer): what a namespace, a workload or the cluster costs per month, day or hour; what can be saved (in a
 * namespace); or "rightsize <workload>", answered with the workload's rightsizing plan for review.
 */
export const CostQuestion = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cost'),
    namespace: z.string().min(1).optional(),
    workload: z.string().min(1).optional(),
    period: z.enum(['month', 'day', 'hour']),
  }),
  z.object({ kind: z.literal('savings'), namespace: z.string().min(1).optional() }),
  z.object({ kind: z.literal('rightsize'), workload: z.string().min(1), namespace: z.string().min(1).optional() }),
]);
export type CostQuestion = z.infer<typeof CostQuestion>;
