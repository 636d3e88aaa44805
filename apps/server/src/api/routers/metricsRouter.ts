import { NotFoundError } from '@opspilot/core';
import { mergeSeries, NAMED_QUERIES } from '@opspilot/observe';
import { z } from 'zod';
import type { ApiContext } from '../trpc.js';
import { procedureFor, router } from '../trpc.js';
import { visibleClusters } from '../visibleClusters.js';
import { deferAnswer } from '../writePackedAnswer.js';
import {
  CatalogOutput,
  FederatedOutput,
  InstantInput,
  MetricsAnswerOutput,
  NamedInput,
  RangeInput,
  WatchInput,
} from './metricsSchemas.js';

type Ctx = ApiContext & { principal: NonNullable<ApiContext['principal']> };

/** The federated metrics service over the clusters the caller may see. */
async function metricsFor(ctx: Ctx) {
  return ctx.services.metrics.over(await visibleClusters(ctx.services.store, ctx.principal));
}

/**
 * Procedures whose answers are written with `stringifyAnswer` (see `deferAnswer`): checked by the output schema first
 * (this middleware wraps it), then handed to the response without their packed samples being made into pairs.
 */
const answering = procedureFor('VIEWER').use(async ({ ctx, next }) => {
  const result = await next();
  return result.ok ? { ...result, data: deferAnswer(ctx.request, result.data) } : result;
});

const get = (path: string, summary: string) => ({
  openapi: {
    method: 'GET' as const,
    path: `/metrics/${path}` as `/${string}`,
    tags: ['metrics'],
    protect: true,
    summary,
  },
});

/**
 * Metrics across the caller's clusters (seed 003 §3.1–3.3): PromQL instant and range queries answered by each
 * cluster's Prometheus, named queries (answered by the built-in sampler where there is no Prometheus), one result
 * per cluster with its own status and the whole PARTIAL when some fail. Bad PromQL is a 400 with Prometheus's own
 * message; a window over the limits is a 400 naming the limit.
 */
export const metricsRouter = router({
  query: answering
    .meta(get('query', 'Instant PromQL query across clusters'))
    .input(InstantInput)
    .output(MetricsAnswerOutput)
    .query(async ({ ctx, input }) => {
      const { query, ...request } = input;
      return (await metricsFor(ctx)).instant(query, request);
    }),
  queryRange: answering
    .meta(get('query_range', 'Range PromQL query across clusters'))
    .input(RangeInput)
    .output(MetricsAnswerOutput)
    .query(async ({ ctx, input }) => {
      const { query, ...request } = input;
      return (await metricsFor(ctx)).range(query, request);
    }),
  federated: answering
    .meta(get('federated', 'Range PromQL query across clusters, series merged with a cluster label'))
    .input(RangeInput)
    .output(FederatedOutput)
    .query(async ({ ctx, input }) => {
      const { query, ...request } = input;
      const answer = await (await metricsFor(ctx)).range(query, request);
      return { ...answer, series: mergeSeries(answer.results) };
    }),
  named: answering
    .meta(get('named', 'A ready-made query (top pods by memory, node cpu, error rate, …)'))
    .input(NamedInput)
    .output(MetricsAnswerOutput)
    .query(async ({ ctx, input }) => {
      const { name, app, namespace, limit, ...request } = input;
      const params = { limit, ...(app ? { app } : {}), ...(namespace ? { namespace } : {}) };
      return (await metricsFor(ctx)).named(name, params, request);
    }),
  catalog: procedureFor('VIEWER')
    .meta(get('catalog', 'Named queries and which clusters answer PromQL'))
    .input(z.object({}).optional())
    .output(CatalogOutput)
    .query(async ({ ctx }) => ({
      named: NAMED_QUERIES.map((q) => ({
        name: q.name,
        title: q.title,
        unit: q.unit,
        needs_app: q.needsApp === true,
        top: q.top === true,
      })),
      clusters: (await visibleClusters(ctx.services.store, ctx.principal)).map((c) => ({
        cluster_id: c.id,
        name: c.name,
        prometheus: ctx.services.metrics.hasPrometheus(c),
      })),
    })),
  watch: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/metrics/watch',
        tags: ['metrics'],
        protect: true,
        summary: 'METRIC_UPDATE events of a named query',
      },
    })
    .input(WatchInput)
    .output(z.object({ watching: z.boolean(), until: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const clusters = await visibleClusters(ctx.services.store, ctx.principal);
      const cluster = clusters.find((c) => c.id === input.cluster_id);
      if (!cluster) {
        throw new NotFoundError(`cluster ${input.cluster_id} not found`, { hint: 'list the clusters you may see' });
      }
      const { cluster_id: _, name, ...params } = input;
      const until = ctx.services.metricUpdates.watch(cluster, name, params);
      return { watching: true, until: until.toISOString() };
    }),
});
