import { z } from 'zod';
import { Duration, StringMap, Timestamp, Uuid } from '../common.js';

/**
 * A PromQL query across clusters (seed 003 §3.1). Syntax is checked by the observe package; here it must be
 * non-empty. Timeout 1 to 300 seconds (seed 003 §10).
 */
export const MetricQuery = z.object({
  query: z.string().trim().min(1, 'must be a PromQL expression').max(10_000),
  cluster_ids: z.array(Uuid).default([]),
  start_time: Timestamp.optional(),
  end_time: Timestamp.optional(),
  step: Duration.default('1m'),
  timeout: z.number().int().min(1, 'must be at least 1 second').max(300, 'must be at most 300 seconds').default(30),
});
export type MetricQuery = z.infer<typeof MetricQuery>;

/** One labelled series of `[unix_seconds, "value"]` samples (seed 003 §3.3). */
export const MetricSeries = z.object({
  metric: StringMap,
  values: z.array(z.tuple([z.number(), z.string()])),
});
export type MetricSeries = z.infer<typeof MetricSeries>;

/** Result of a metric query on one cluster (seed 003 §3.2). */
export const MetricResult = z.object({
  cluster_id: Uuid,
  cluster_name: z.string(),
  status: z.enum(['SUCCESS', 'ERROR', 'TIMEOUT', 'PARTIAL']),
  result_type: z.enum(['MATRIX', 'VECTOR', 'SCALAR', 'STRING']).optional(),
  data: z.array(MetricSeries).default([]),
  error: z.string().optional(),
  query_time_ms: z.number().int().min(0).optional(),
});
export type MetricResult = z.infer<typeof MetricResult>;
