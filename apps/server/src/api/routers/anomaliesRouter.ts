import { ANOMALY_LABEL_FILTERS, ANOMALY_SIGNALS, anomalySignal, matchesAnomaly } from '@opspilot/anomaly';
import { AnomalyDetection, AnomalySeverity, AnomalyType, MetricQuery, NotFoundError, Timestamp } from '@opspilot/core';
import { z } from 'zod';
import { signalMetricsSource } from '../../anomaly/signalMetricsSource.js';
import { canSeeCluster, type Principal } from '../../auth/principal.js';
import { ListParam, PageInput, pageInMemory, pageOf } from '../apiSchemas.js';
import type { ApiServices } from '../apiServices.js';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

/** Stored anomalies read per list request at most; the answer says when the window was cut. */
export const MAX_ANOMALIES_SCANNED = 5_000;

const ListInput = z.object({
  ...PageInput,
  cluster_id: z.uuid().optional(),
  severity: ListParam(AnomalySeverity),
  anomaly_type: ListParam(AnomalyType),
  metric_name: z.string().min(1).max(256).optional(),
  /** A signal id of the catalogue, e.g. `pod-cpu`. */
  signal: z.enum(ANOMALY_SIGNALS.map((s) => s.id) as [string, ...string[]]).optional(),
  namespace: z.string().min(1).max(253).optional(),
  workload: z.string().min(1).max(253).optional(),
  pod: z.string().min(1).max(253).optional(),
  node: z.string().min(1).max(253).optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
});
type ListInput = z.infer<typeof ListInput>;

const SeriesInput = z.object({
  id: z.uuid(),
  /** Minutes of the series shown before the anomaly (default 60) and after it (default 30, never past now). */
  before: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  after: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(30),
});

const SeriesOutput = z.object({
  anomaly: AnomalyDetection,
  title: z.string(),
  unit: z.string(),
  query: z.string(),
  /** `[unix_seconds, value]` of the anomalous series (empty when the metrics no longer hold it). */
  points: z.array(z.tuple([z.number(), z.number()])),
  /** Why there are no points, when there are none. */
  note: z.string().optional(),
});

const visible = (principal: Principal) => (a: AnomalyDetection) => canSeeCluster(principal, a.cluster_id);

function matches(input: ListInput) {
  const labels = Object.fromEntries(ANOMALY_LABEL_FILTERS.map((k) => [k, input[k]]));
  return (a: AnomalyDetection) => matchesAnomaly(a, { severities: input.severity, types: input.anomaly_type, labels });
}

async function storedAnomalies(services: ApiServices, input: ListInput) {
  const filter = {
    cluster_id: input.cluster_id,
    metric_name: input.metric_name,
    severity: input.severity.length === 1 ? input.severity[0] : undefined,
    anomaly_type: input.anomaly_type.length === 1 ? input.anomaly_type[0] : undefined,
    detected_at: input.since || input.until ? { gte: input.since, lt: input.until } : undefined,
  };
  const found: AnomalyDetection[] = [];
  let scanned = 0;
  for (let page = 1; scanned < MAX_ANOMALIES_SCANNED; page++) {
    const result = await services.store.anomalies.list(filter, { page, page_size: 100 });
    scanned += result.items.length;
    found.push(...result.items.filter(matches(input)));
    if (page >= result.total_pages) return { found, truncated: false };
  }
  return { found, truncated: true };
}

async function visibleAnomaly(services: ApiServices, principal: Principal, id: string) {
  const anomaly = await services.store.anomalies.find(id);
  if (!anomaly || !visible(principal)(anomaly)) {
    throw new NotFoundError(`anomaly ${id} not found`, { hint: 'list the anomalies to see their ids' });
  }
  return anomaly;
}

/** Whether a series' labels are those of the anomaly (the labels the scanner added do not count). */
function sameSeries(anomaly: AnomalyDetection, metric: Record<string, string>): boolean {
  return Object.entries(anomaly.labels).every(
    ([k, v]) => ((k === 'signal' || k === 'workload') && !(k in metric)) || metric[k] === v,
  );
}

const get = (path: string, summary: string) => ({
  openapi: {
    method: 'GET' as const,
    path: `/anomalies${path}` as `/${string}`,
    tags: ['anomalies'],
    protect: true,
    summary,
  },
});

/**
 * Anomalies (seed 003 §5.6) found by the anomaly scan on the series that matter: listed newest first and filtered by
 * cluster, severity, type, metric, signal, namespace, workload, pod, node and time; one anomaly; and the anomalous
 * series around it for a chart. Per-cluster grants apply.
 */
export const anomaliesRouter = router({
  list: procedureFor('VIEWER')
    .meta(get('', 'List detected anomalies'))
    .input(ListInput)
    .output(pageOf(AnomalyDetection).extend({ truncated: z.boolean() }))
    .query(async ({ ctx, input }) => {
      const { found, truncated } = await storedAnomalies(ctx.services, input);
      return { ...pageInMemory(found.filter(visible(ctx.principal)), input.page, input.page_size), truncated };
    }),

  get: procedureFor('VIEWER')
    .meta(get('/{id}', 'Get an anomaly'))
    .input(z.object({ id: z.uuid() }))
    .output(AnomalyDetection)
    .query(({ ctx, input }) => visibleAnomaly(ctx.services, ctx.principal, input.id)),

  series: procedureFor('VIEWER')
    .meta(get('/{id}/series', 'The anomalous series around an anomaly'))
    .input(SeriesInput)
    .output(SeriesOutput)
    .query(async ({ ctx, input, signal: abort }) => {
      const anomaly = await visibleAnomaly(ctx.services, ctx.principal, input.id);
      const signal = anomalySignal(anomaly.labels.signal ?? '');
      if (!signal) {
        return {
          anomaly,
          title: anomaly.metric_name,
          unit: 'count',
          query: '',
          points: [],
          note: 'the anomaly names no known signal',
        };
      }
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, anomaly.cluster_id);
      const at = Date.parse(anomaly.detected_at);
      const now = ctx.services.clock.now().getTime();
      const end = Math.max(at, Math.min(now, at + input.after * 60_000));
      const source = signalMetricsSource(ctx.services.metrics, async () => [cluster]);
      const results = await source.query(
        MetricQuery.parse({
          query: signal.promql,
          cluster_ids: [cluster.id],
          start_time: new Date(at - input.before * 60_000).toISOString(),
          end_time: new Date(end).toISOString(),
          step: '15s',
        }),
        abort,
      );
      const failed = results.find((r) => r.status === 'ERROR' || r.status === 'TIMEOUT');
      const series = results.flatMap((r) => r.data).find((s) => sameSeries(anomaly, s.metric));
      const points = (series?.values ?? [])
        .map(([t, v]): [number, number] => [t, Number(v)])
        .filter(([, v]) => Number.isFinite(v));
      const note = failed
        ? `the metrics could not be read: ${failed.error ?? failed.status}`
        : 'the metrics no longer hold this series';
      return {
        anomaly,
        title: signal.title,
        unit: signal.unit,
        query: signal.promql,
        points,
        ...(points.length === 0 ? { note } : {}),
      };
    }),
});
