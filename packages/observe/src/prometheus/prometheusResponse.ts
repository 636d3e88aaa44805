import { z } from 'zod';

/** A sample as the Prometheus HTTP API sends it: `[unix_seconds, "value"]`. */
export const PromSample = z.tuple([z.number(), z.string()]);

const Labels = z.record(z.string(), z.string());

/** `resultType: matrix`: series with many samples. */
const Matrix = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric: Labels, values: z.array(PromSample).default([]) })),
});
/** `resultType: vector`: series with one sample each. */
const Vector = z.object({
  resultType: z.literal('vector'),
  result: z.array(z.object({ metric: Labels, value: PromSample })),
});
const Scalar = z.object({ resultType: z.literal('scalar'), result: PromSample });
const StringResult = z.object({ resultType: z.literal('string'), result: PromSample });

/**
 * The `data` of an instant or range query.
 * @see https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats
 */
export const PromQueryData = z.discriminatedUnion('resultType', [Matrix, Vector, Scalar, StringResult]);
export type PromQueryData = z.infer<typeof PromQueryData>;

/**
 * The envelope of every Prometheus HTTP API answer: `status`, `data` on success, `errorType` and `error` on failure,
 * and `warnings` (e.g. partial answers from Thanos).
 * @see https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview
 */
export const PromEnvelope = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  infos: z.array(z.string()).optional(),
});
export type PromEnvelope = z.infer<typeof PromEnvelope>;

/** `/api/v1/series`: label sets. */
export const PromSeriesData = z.array(Labels);
/** `/api/v1/labels` and `/api/v1/label/<name>/values`: names or values. */
export const PromNamesData = z.array(z.string());
