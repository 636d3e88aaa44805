import { z } from 'zod';

const Labels = z.record(z.string(), z.string());

/** A log stream of a Loki answer: its labels and `[nanoseconds, line]` pairs. */
export const LokiStream = z.object({
  stream: Labels,
  values: z.array(z.tuple([z.string(), z.string()]).rest(z.unknown())),
});

/** A series of a Loki metric answer: its labels and `[seconds, value]` pairs. */
export const LokiSeries = z.object({
  metric: Labels,
  values: z.array(z.tuple([z.number(), z.string()])),
});

/**
 * The body of `GET /loki/api/v1/query_range`: `streams` for a log query, `matrix` for a metric query.
 * @see https://grafana.com/docs/loki/latest/reference/loki-http-api/#query-logs-within-a-range-of-time
 */
export const LokiQueryResponse = z.object({
  status: z.literal('success'),
  data: z.discriminatedUnion('resultType', [
    z.object({ resultType: z.literal('streams'), result: z.array(LokiStream), stats: z.unknown().optional() }),
    z.object({ resultType: z.literal('matrix'), result: z.array(LokiSeries), stats: z.unknown().optional() }),
  ]),
});
export type LokiQueryResponse = z.infer<typeof LokiQueryResponse>;

/** The body of `GET /loki/api/v1/labels` and `/loki/api/v1/label/<name>/values`. */
export const LokiLabelsResponse = z.object({ status: z.literal('success'), data: z.array(z.string()).default([]) });
