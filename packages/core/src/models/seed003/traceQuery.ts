import { z } from 'zod';
import { StringMap, Timestamp, Uuid } from '../common.js';
import { isInOrder } from './timeOrder.js';

/**
 * A trace search fanned out to clusters (seed 003 §3.4); an empty `cluster_ids` means every cluster, and
 * `service_name` may use `*` wildcards. Returns at most `limit` traces, 1 to 100 (seed 003 §10).
 * @see https://grafana.com/docs/tempo/latest/api_docs/#search
 */
export const TraceQuery = z
  .object({
    cluster_ids: z.array(Uuid).default([]),
    service_name: z.string().min(1).optional(),
    operation_name: z.string().min(1).optional(),
    trace_id: z.string().min(1).optional(),
    min_duration_ms: z.number().int().min(0).optional(),
    max_duration_ms: z.number().int().min(0).optional(),
    tags: StringMap.default({}),
    start_time: Timestamp.optional(),
    end_time: Timestamp.optional(),
    limit: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
  })
  .refine(
    (q) => q.min_duration_ms === undefined || q.max_duration_ms === undefined || q.min_duration_ms <= q.max_duration_ms,
    { message: 'min_duration_ms must not exceed max_duration_ms', path: ['max_duration_ms'] },
  )
  .refine((q) => isInOrder(q.start_time, q.end_time), {
    message: 'start_time must not be after end_time',
    path: ['end_time'],
  });
export type TraceQuery = z.infer<typeof TraceQuery>;
