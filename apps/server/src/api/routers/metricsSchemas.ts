import { Duration, MAX_PROMQL_LENGTH, MetricResult, MetricResultStatus, MetricSeries, Timestamp } from '@opspilot/core';
import { isAnsweredSeries, NAMED_QUERIES } from '@opspilot/observe';
import { z } from 'zod';
import { ListParam } from '../apiSchemas.js';

const Query = z.string().trim().min(1, 'must be a PromQL expression').max(MAX_PROMQL_LENGTH);
const Clusters = ListParam(z.uuid());
const Timeout = z.coerce.number().int().min(1).max(300).default(30);

/** `metrics.query`: an instant PromQL query across clusters. */
export const InstantInput = z.object({
  query: Query,
  cluster_ids: Clusters,
  time: Timestamp.optional(),
  timeout: Timeout,
});

/** `metrics.queryRange` and `metrics.federated`: a range PromQL query (seed 003 §3.1 defaults: last hour, 1m). */
export const RangeInput = z.object({
  query: Query,
  cluster_ids: Clusters,
  start_time: Timestamp.optional(),
  end_time: Timestamp.optional(),
  step: Duration.default('1m'),
  timeout: Timeout,
});

/** `metrics.named`: a ready-made query by name. */
export const NamedInput = z.object({
  name: z.enum(NAMED_QUERIES.map((q) => q.name) as [string, ...string[]]),
  app: z.string().min(1).max(253).optional(),
  namespace: z.string().min(1).max(63).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  cluster_ids: Clusters,
  start_time: Timestamp.optional(),
  end_time: Timestamp.optional(),
  step: Duration.default('1m'),
  /** One value per series now, rather than a range (top queries are always instant). */
  instant: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(),
  timeout: Timeout,
});

/**
 * Samples as answers carry them: `[unix_seconds, "value"]` pairs, checked as an array rather than pair by pair. They
 * were read and checked when Prometheus (or the sampler) answered; walking a 1-hour range over 5,000 series again
 * took about half a second of CPU per answer.
 */
const AnsweredSamples = z
  .array(z.unknown())
  .meta({ description: 'samples as [unix_seconds, "value"] pairs, oldest first' }) as unknown as z.ZodType<
  [number, string][]
>;
/** The shape a series has in the API's documents (OpenAPI), as a zod object would describe it. */
const SeriesShape = MetricSeries.extend({ values: AnsweredSamples });
const seriesJsonSchema = (() => {
  const { $schema: _, ...schema } = z.toJSONSchema(SeriesShape, { io: 'output' }) as Record<string, unknown>;
  return schema;
})();

/**
 * A series of an answer, checked (labels are strings, samples an array or still packed) and passed on as it is: a zod
 * object would copy it and so read `values`, making every `[t, "v"]` pair of a packed range answer (see
 * `isAnsweredSeries`); the response is then written from the packed samples (see `writePackedAnswer`).
 */
const AnsweredSeries = z
  .custom<MetricSeries>(isAnsweredSeries, { message: 'must be a series: { metric: labels, values: samples }' })
  .meta({
    override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => Object.assign(jsonSchema, seriesJsonSchema),
  });
const AnsweredResult = MetricResult.extend({ data: z.array(AnsweredSeries).default([]) });

/** A federated answer: the whole status, one result per cluster, the window and, for a named query, what it is. */
export const MetricsAnswerOutput = z.object({
  status: MetricResultStatus,
  query: z.string(),
  results: z.array(AnsweredResult),
  window: z.object({ start: z.number(), end: z.number(), stepSeconds: z.number() }).optional(),
  named: z.object({ name: z.string(), title: z.string(), unit: z.string(), top: z.boolean() }).optional(),
});

/** `metrics.federated`: the answer plus every series in one list, each labelled `cluster`. */
export const FederatedOutput = MetricsAnswerOutput.extend({ series: z.array(AnsweredSeries) });

/** `metrics.catalog`: the named queries and, per visible cluster, whether PromQL can be asked. */
export const CatalogOutput = z.object({
  named: z.array(
    z.object({ name: z.string(), title: z.string(), unit: z.string(), needs_app: z.boolean(), top: z.boolean() }),
  ),
  clusters: z.array(z.object({ cluster_id: z.string(), name: z.string(), prometheus: z.boolean() })),
});

/** `metrics.watch`: asks for METRIC_UPDATE events of a named query on one cluster for a while. */
export const WatchInput = z.object({
  cluster_id: z.uuid(),
  name: NamedInput.shape.name,
  app: NamedInput.shape.app,
  namespace: NamedInput.shape.namespace,
  limit: NamedInput.shape.limit,
});
