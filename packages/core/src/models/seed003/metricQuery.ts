import { z } from 'zod';
import { Duration, durationToMs, Timestamp, Uuid } from '../common.js';
import { isInOrder } from './timeOrder.js';

/** The longest PromQL expression opspilot accepts, in characters. */
export const MAX_PROMQL_LENGTH = 10_000;

/**
 * A PromQL query fanned out to clusters (seed 003 §3.1); an empty `cluster_ids` means every cluster.
 * Only the bounds are checked here: PromQL syntax is validated by the observe package, which also resolves a
 * missing `start_time` to now - 1h and a missing `end_time` to now. Timeout 1 to 300 seconds (seed 003 §10).
 * @see https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries
 */
export const MetricQuery = z
  .object({
    query: z
      .string()
      .trim()
      .min(1, 'must be a PromQL expression')
      .max(MAX_PROMQL_LENGTH, `must be at most ${MAX_PROMQL_LENGTH} characters`),
    cluster_ids: z.array(Uuid).default([]),
    start_time: Timestamp.optional(),
    end_time: Timestamp.optional(),
    step: Duration.refine((step) => durationToMs(step) > 0, 'must be longer than zero').default('1m'),
    timeout: z.number().int().min(1, 'must be at least 1 second').max(300, 'must be at most 300 seconds').default(30),
  })
  .refine((q) => isInOrder(q.start_time, q.end_time), {
    message: 'start_time must not be after end_time',
    path: ['end_time'],
  });
export type MetricQuery = z.infer<typeof MetricQuery>;
