import { z } from 'zod';
import { defineChatTool } from '../chatTool.js';
import { resolveCluster } from '../resolveCluster.js';
import type { ToolContext } from '../toolContext.js';
import { ClusterArg } from './clusterArg.js';

const missing = (what: string) => ({
  ok: false as const,
  error: `${what} is not configured here; answer from the cluster objects, events and logs instead`,
});

const MetricsInput = z.object({
  cluster: ClusterArg,
  name: z.string().min(1).optional().describe('a named query of the catalog, e.g. pod_cpu_usage'),
  params: z
    .record(z.string(), z.string())
    .default({})
    .describe('parameters of the named query, e.g. {"namespace":"shop"}'),
  promql: z.string().min(1).max(2_000).optional().describe('a PromQL expression, when no named query fits'),
  range_minutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional()
    .describe('a range query over the last N minutes'),
});

/** `query_metrics`: a named query of the catalog, or PromQL. */
export const queryMetricsTool = defineChatTool({
  name: 'query_metrics',
  description:
    'Query metrics of a cluster: a named query of the catalog (name + params) or a PromQL expression (promql). Call with neither to get the catalog of named queries.',
  input: MetricsInput as z.ZodType<z.input<typeof MetricsInput>>,
  output: z.unknown(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = MetricsInput.parse(raw);
    const metrics = ctx.backend.metrics;
    if (!metrics) return missing('metrics');
    if (!input.name && !input.promql) return { ok: true, value: { catalog: await metrics.catalog() } };
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const value = input.promql
      ? await metrics.promql(cluster.value.id, input.promql, input.range_minutes)
      : await metrics.named(cluster.value.id, input.name as string, input.params);
    return { ok: true, value };
  },
});

const LogsInput = z.object({
  cluster: ClusterArg,
  namespace: z.string().min(1).optional(),
  pod: z.string().min(1).optional(),
  contains: z.string().min(1).max(500).optional().describe('text every line contains, e.g. "error"'),
  query: z.string().min(1).max(2_000).optional().describe('a LogQL query, when the backend is Loki'),
  since_minutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  limit: z.int().min(1).max(1_000).default(100),
});

/** `search_logs`: log lines across pods by text or LogQL. */
export const searchLogsTool = defineChatTool({
  name: 'search_logs',
  description: 'Search log lines across pods of a cluster by text (contains) or LogQL (query), newest first.',
  input: LogsInput as z.ZodType<z.input<typeof LogsInput>>,
  output: z.unknown(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = LogsInput.parse(raw);
    if (!ctx.backend.searchLogs) return missing('log search');
    const cluster = await resolveCluster(ctx, input.cluster);
    if (!cluster.ok) return cluster;
    const namespace = input.namespace ?? ctx.namespace;
    const value = await ctx.backend.searchLogs({
      clusterId: cluster.value.id,
      ...(namespace ? { namespace } : {}),
      ...(input.pod ? { pod: input.pod } : {}),
      ...(input.contains ? { contains: input.contains } : {}),
      ...(input.query ? { query: input.query } : {}),
      sinceMs: input.since_minutes * 60_000,
      limit: input.limit,
    });
    return { ok: true, value };
  },
});

const TracesInput = z.object({
  cluster: ClusterArg,
  service: z.string().min(1).optional(),
  min_duration_ms: z.int().min(0).optional(),
  errors_only: z.boolean().default(false),
  since_minutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  limit: z.int().min(1).max(100).default(20),
});

/** `search_traces`: traces by service, latency and errors. */
export const searchTracesTool = defineChatTool({
  name: 'search_traces',
  description:
    'Search traces by service, minimum duration and errors; each with its root span, duration and error flag.',
  input: TracesInput as z.ZodType<z.input<typeof TracesInput>>,
  output: z.unknown(),
  effect: 'read',
  run: async (ctx, raw) => {
    const input = TracesInput.parse(raw);
    if (!ctx.backend.searchTraces) return missing('tracing');
    const cluster = input.cluster ? await resolveCluster(ctx, input.cluster) : undefined;
    if (cluster && !cluster.ok) return cluster;
    const value = await ctx.backend.searchTraces({
      ...(cluster?.ok ? { clusterId: cluster.value.id } : {}),
      ...(input.service ? { service: input.service } : {}),
      ...(input.min_duration_ms !== undefined ? { minDurationMs: input.min_duration_ms } : {}),
      errorsOnly: input.errors_only,
      sinceMs: input.since_minutes * 60_000,
      limit: input.limit,
    });
    return { ok: true, value };
  },
});

const ListInput = z.object({
  cluster: ClusterArg.describe('omit for every cluster in scope'),
  states: z.array(z.string().min(1)).max(10).default([]),
  limit: z.int().min(1).max(200).default(50),
});

/** A list tool over one of the backend's signal lists (alerts, incidents, anomalies). */
function signalListTool(
  name: string,
  description: string,
  what: string,
  list: (ctx: ToolContext) => ToolContext['backend']['alerts'],
) {
  return defineChatTool({
    name,
    description,
    input: ListInput as z.ZodType<z.input<typeof ListInput>>,
    output: z.array(z.unknown()),
    effect: 'read',
    run: async (ctx, raw) => {
      const input = ListInput.parse(raw);
      const source = list(ctx);
      if (!source) return missing(what);
      const clusters = input.cluster ? await resolveCluster(ctx, input.cluster) : undefined;
      if (clusters && !clusters.ok) return clusters;
      const clusterIds = clusters?.ok ? [clusters.value.id] : (await ctx.backend.clusters()).map((c) => c.id);
      const value = await source({ clusterIds, states: input.states, limit: input.limit });
      return { ok: true, value: value.slice(0, input.limit) };
    },
  });
}

/** `list_alerts`: alerts received from Alertmanager. */
export const listAlertsTool = signalListTool(
  'list_alerts',
  'List alerts (name, severity, state, labels, when) of the clusters in scope; states e.g. FIRING, RESOLVED.',
  'alerting',
  (ctx) => ctx.backend.alerts?.bind(ctx.backend),
);

/** `list_incidents`: incidents and their status. */
export const listIncidentsTool = signalListTool(
  'list_incidents',
  'List incidents (title, severity, status, affected objects) of the clusters in scope; states e.g. OPEN, RESOLVED.',
  'incident tracking',
  (ctx) => ctx.backend.incidents?.bind(ctx.backend),
);

/** `list_anomalies`: anomalies found in metric series. */
export const listAnomaliesTool = signalListTool(
  'list_anomalies',
  'List anomalies detected in metric series (metric, severity, score, when) of the clusters in scope.',
  'anomaly detection',
  (ctx) => ctx.backend.anomalies?.bind(ctx.backend),
);
