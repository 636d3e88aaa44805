import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { isInOrder } from './timeOrder.js';

/** Order in which log lines are returned (seed 003 §3.7); BACKWARD is newest first. */
export const LogDirection = z.enum(['FORWARD', 'BACKWARD']);
export type LogDirection = z.infer<typeof LogDirection>;

/**
 * A LogQL query fanned out to clusters (seed 003 §3.7); an empty `cluster_ids` means every cluster. LogQL syntax
 * is validated by the observe package. Returns at most `limit` lines, 1 to 5000 (seed 003 §10).
 * @see https://grafana.com/docs/loki/latest/reference/loki-http-api/#query-logs-within-a-range-of-time
 */
export const LogQuery = z
  .object({
    cluster_ids: z.array(Uuid).default([]),
    query: z.string().trim().min(1, 'must be a LogQL expression'),
    start_time: Timestamp.optional(),
    end_time: Timestamp.optional(),
    limit: z.number().int().min(1, 'must be at least 1').max(5000, 'must be at most 5000').default(100),
    direction: LogDirection.default('BACKWARD'),
  })
  .refine((q) => isInOrder(q.start_time, q.end_time), {
    message: 'start_time must not be after end_time',
    path: ['end_time'],
  });
export type LogQuery = z.infer<typeof LogQuery>;
