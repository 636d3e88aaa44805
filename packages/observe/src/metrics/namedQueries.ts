import { InputError } from '@opspilot/core';
import { z } from 'zod';
import type { BuiltinExpr } from './builtinExpr.js';
import { CAPACITY_NAMED_QUERIES } from './capacityNamedQueries.js';
import { GPU_NAMED_QUERIES } from './gpuNamedQueries.js';

/** Parameters of a named query. */
export const NamedQueryParams = z.object({
  /** The workload (its `app` label, and the prefix of its pods' names). */
  app: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'must be a Kubernetes name')
    .optional(),
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a namespace name')
    .optional(),
  /** How many rows a `top` query keeps (default 10). */
  limit: z.int().min(1).max(100).default(10),
});
export type NamedQueryParams = z.infer<typeof NamedQueryParams>;

/** The unit of a named query's values, for formatting. */
export type MetricUnit =
  | 'bytes'
  | 'cores'
  | 'ratio'
  | 'per_second'
  | 'count'
  | 'percent'
  | 'mebibytes'
  | 'celsius'
  | 'watts';

/**
 * A ready-made question about the fleet, answerable by Prometheus (its PromQL) and by the built-in sampler (its
 * {@link BuiltinExpr}). `top` queries answer one sorted row per pod or node; the others are time series.
 */
export interface NamedQuery {
  name: string;
  title: string;
  unit: MetricUnit;
  /** `app` is required. */
  needsApp?: boolean;
  top?: boolean;
  promql(p: NamedQueryParams): string;
  builtin(p: NamedQueryParams): BuiltinExpr;
}

const ns = (p: NamedQueryParams) => (p.namespace ? `namespace="${p.namespace}"` : '');
const sel = (...parts: string[]) => `{${parts.filter(Boolean).join(',')}}`;
const nsMatch = (p: NamedQueryParams) => (p.namespace ? { match: { namespace: p.namespace } } : {});
const appPods = (p: NamedQueryParams) => `pod=~"${p.app}-.*"`;

/** The catalogue, used by the API (`metrics.named`), the CLI (`opspilot metrics named`, `opspilot top`) and `ask`. */
export const NAMED_QUERIES: readonly NamedQuery[] = [
  {
    name: 'top-pods-by-memory',
    title: 'Top pods by memory (working set)',
    unit: 'bytes',
    top: true,
    promql: (p) =>
      `topk(${p.limit}, sum by (namespace, pod) (container_memory_working_set_bytes${sel(ns(p), 'container!=""')}))`,
    builtin: (p) => ({ fn: 'gauge', metric: 'pod_memory_working_set_bytes', by: ['namespace', 'pod'], ...nsMatch(p) }),
  },
  {
    name: 'top-pods-by-cpu',
    title: 'Top pods by CPU',
    unit: 'cores',
    top: true,
    promql: (p) =>
      `topk(${p.limit}, sum by (namespace, pod) (rate(container_cpu_usage_seconds_total${sel(ns(p), 'container!=""')}[2m])))`,
    builtin: (p) => ({ fn: 'gauge', metric: 'pod_cpu_usage_cores', by: ['namespace', 'pod'], ...nsMatch(p) }),
  },
  {
    name: 'node-cpu',
    title: 'CPU used per node',
    unit: 'cores',
    promql: () => 'sum by (node) (rate(container_cpu_usage_seconds_total{container!=""}[2m]))',
    builtin: () => ({ fn: 'gauge', metric: 'node_cpu_usage_cores', by: ['node'] }),
  },
  {
    name: 'node-memory',
    title: 'Memory used per node (working set)',
    unit: 'bytes',
    promql: () => 'sum by (node) (container_memory_working_set_bytes{container!=""})',
    builtin: () => ({ fn: 'gauge', metric: 'node_memory_working_set_bytes', by: ['node'] }),
  },
  {
    name: 'workload-cpu',
    title: 'CPU per pod of a workload',
    unit: 'cores',
    needsApp: true,
    promql: (p) => `sum by (namespace, pod) (rate(container_cpu_usage_seconds_total${sel(ns(p), appPods(p))}[2m]))`,
    builtin: (p) => ({
      fn: 'gauge',
      metric: 'pod_cpu_usage_cores',
      by: ['namespace', 'pod'],
      prefix: { pod: `${p.app}-` },
      ...nsMatch(p),
    }),
  },
  {
    name: 'workload-memory',
    title: 'Memory per pod of a workload',
    unit: 'bytes',
    needsApp: true,
    promql: (p) => `sum by (namespace, pod) (container_memory_working_set_bytes${sel(ns(p), appPods(p))})`,
    builtin: (p) => ({
      fn: 'gauge',
      metric: 'pod_memory_working_set_bytes',
      by: ['namespace', 'pod'],
      prefix: { pod: `${p.app}-` },
      ...nsMatch(p),
    }),
  },
  {
    name: 'request-rate',
    title: 'HTTP requests per second of a workload',
    unit: 'per_second',
    needsApp: true,
    promql: (p) => `sum by (app) (rate(http_requests_total${sel(ns(p), `app="${p.app}"`)}[2m]))`,
    builtin: (p) => ({
      fn: 'rate',
      metric: 'http_requests_total',
      by: ['app'],
      match: { app: p.app!, ...nsMatch(p).match },
    }),
  },
  {
    name: 'error-rate',
    title: 'Share of HTTP requests failing (5xx) of a workload',
    unit: 'ratio',
    needsApp: true,
    promql: (p) =>
      `sum by (app) (rate(http_requests_total${sel(ns(p), `app="${p.app}"`, 'code=~"5.."')}[2m])) / sum by (app) (rate(http_requests_total${sel(ns(p), `app="${p.app}"`)}[2m]))`,
    builtin: (p) => ({
      fn: 'ratio',
      num: {
        fn: 'rate',
        metric: 'http_requests_total',
        by: ['app'],
        match: { app: p.app!, code: '500', ...nsMatch(p).match },
      },
      den: { fn: 'rate', metric: 'http_requests_total', by: ['app'], match: { app: p.app!, ...nsMatch(p).match } },
    }),
  },
  {
    name: 'http-requests-by-workload',
    title: 'HTTP requests per second of every workload',
    unit: 'per_second',
    promql: (p) => `sum by (namespace, app) (rate(http_requests_total${sel(ns(p))}[5m]))`,
    builtin: (p) => ({ fn: 'rate', metric: 'http_requests_total', by: ['namespace', 'app'], ...nsMatch(p) }),
  },
  {
    name: 'http-errors-by-workload',
    title: 'HTTP 5xx answers per second of every workload',
    unit: 'per_second',
    promql: (p) => `sum by (namespace, app) (rate(http_requests_total${sel(ns(p), 'code=~"5.."')}[5m]))`,
    builtin: (p) => ({
      fn: 'rate',
      metric: 'http_requests_total',
      by: ['namespace', 'app'],
      match: { code: '500', ...nsMatch(p).match },
    }),
  },
  {
    name: 'restarts',
    title: 'Container restarts per pod',
    unit: 'count',
    top: true,
    promql: (p) => `topk(${p.limit}, sum by (namespace, pod) (kube_pod_container_status_restarts_total${sel(ns(p))}))`,
    builtin: (p) => ({
      fn: 'gauge',
      metric: 'kube_pod_container_status_restarts_total',
      by: ['namespace', 'pod'],
      ...nsMatch(p),
    }),
  },
  {
    name: 'workload-restarts',
    title: 'Container restarts per pod of a workload',
    unit: 'count',
    needsApp: true,
    promql: (p) => `sum by (namespace, pod) (kube_pod_container_status_restarts_total${sel(ns(p), appPods(p))})`,
    builtin: (p) => ({
      fn: 'gauge',
      metric: 'kube_pod_container_status_restarts_total',
      by: ['namespace', 'pod'],
      prefix: { pod: `${p.app}-` },
      ...nsMatch(p),
    }),
  },
  ...GPU_NAMED_QUERIES,
  ...CAPACITY_NAMED_QUERIES,
];

/** The named query called `name`, its parameters checked; an unknown name or a missing `app` is an InputError. */
export function namedQuery(
  name: string,
  params: Partial<NamedQueryParams> = {},
): { query: NamedQuery; params: NamedQueryParams } {
  const query = NAMED_QUERIES.find((q) => q.name === name);
  if (!query) {
    throw new InputError(`no named query "${name}"`, {
      hint: `choose one of ${NAMED_QUERIES.map((q) => q.name).join(', ')}`,
    });
  }
  const parsed = NamedQueryParams.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`${issue.path.join('.')}: ${issue.message}`, { hint: 'e.g. app=backend namespace=todo' });
  }
  if (query.needsApp && !parsed.data.app) {
    throw new InputError(`the named query ${name} needs a workload`, {
      hint: `e.g. opspilot metrics named ${name} --app backend`,
    });
  }
  return { query, params: parsed.data };
}
