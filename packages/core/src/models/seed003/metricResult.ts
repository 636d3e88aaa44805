import { z } from 'zod';
import { StringMap, Uuid } from '../common.js';

/** How a metric query went on one cluster (seed 003 §3.2). */
export const MetricResultStatus = z.enum(['SUCCESS', 'ERROR', 'TIMEOUT', 'PARTIAL']);
export type MetricResultStatus = z.infer<typeof MetricResultStatus>;

/** Prometheus result type of a metric query (seed 003 §3.2). */
export const MetricResultType = z.enum(['MATRIX', 'VECTOR', 'SCALAR', 'STRING']);
export type MetricResultType = z.infer<typeof MetricResultType>;

/**
 * One labelled series (seed 003 §3.3): `values` holds `[unix_seconds, "value"]` pairs, the value kept as a string
 * as Prometheus sends it, so that `NaN` and `+Inf` survive.
 */
export const MetricSeries = z.object({
  metric: StringMap,
  values: z.array(z.tuple([z.number(), z.string()])),
});
export type MetricSeries = z.infer<typeof MetricSeries>;

/**
 * The result of a metric query on one cluster (seed 003 §3.2); a fan-out returns one per cluster so that a
 * failing cluster does not hide the others. `error` says why when `status` is not SUCCESS.
 */
export const MetricResult = z.object({
  cluster_id: Uuid,
  cluster_name: z.string(),
  status: MetricResultStatus,
  result_type: MetricResultType.optional(),
  data: z.array(MetricSeries).default([]),
  error: z.string().optional(),
  query_time_ms: z.number().int().min(0).optional(),
});
export type MetricResult = z.infer<typeof MetricResult>;
