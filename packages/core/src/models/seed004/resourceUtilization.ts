import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { ResourceRef } from './resourceRef.js';
import { strictlyAfter } from './timeOrder.js';
import { type ModelRule, withRules } from './withRules.js';

const Cores = z.number().min(0);
const Bytes = z.number().int().min(0);

const utilizationFields = {
  cluster_id: Uuid.optional(),
  /** The workload measured, usually a Deployment, StatefulSet or DaemonSet. */
  resource: ResourceRef,
  /** Sum of the CPU requests of its containers; 0 when none are set. */
  cpu_requested_cores: Cores,
  /** Average CPU used over the window. */
  cpu_used_cores: Cores,
  /** Sum of the memory requests of its containers; 0 when none are set. */
  memory_requested_bytes: Bytes,
  /** Average memory used over the window. */
  memory_used_bytes: Bytes,
  window_start: Timestamp,
  window_end: Timestamp,
};

const utilizationRules: ModelRule<{ window_start: string; window_end: string }>[] = [
  {
    check: (u) => strictlyAfter(u.window_start, u.window_end),
    message: 'window_end must be after window_start',
    path: ['window_end'],
  },
];

/**
 * Requested versus used CPU and memory of a workload over a window (seed 004 `resource_utilization`): the
 * evidence behind RIGHTSIZE and IDLE_RESOURCE recommendations.
 */
export const ResourceUtilization = withRules(
  z.object({ id: Uuid, ...utilizationFields, created_at: Timestamp }),
  utilizationRules,
);
export type ResourceUtilization = z.infer<typeof ResourceUtilization>;

/** What a metrics collector supplies to record a {@link ResourceUtilization}. */
export const NewResourceUtilization = withRules(z.object(utilizationFields), utilizationRules);
export type NewResourceUtilization = z.input<typeof NewResourceUtilization>;
