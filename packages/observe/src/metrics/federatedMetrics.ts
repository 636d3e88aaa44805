import {
  type Clock,
  durationToMs,
  type MetricQuery,
  type MetricResult,
  type MetricsSource,
  NotFoundError,
  systemClock,
} from '@opspilot/core';
import type { PrometheusClient } from '../prometheus/prometheusClient.js';
import { type ClusterAnswer, type FederatedAnswer, fanOut } from './fanOut.js';
import { checkWindow, DEFAULT_METRIC_LIMITS, type MetricLimits, type MetricWindow } from './metricLimits.js';
import type { MetricsSampler } from './metricsSampler.js';
import { type NamedQuery, type NamedQueryParams, namedQuery } from './namedQueries.js';
import { toMetricSeries } from './toMetricSeries.js';

/** A cluster as the metrics sources see it: its Prometheus when configured, else its built-in sampler. */
export interface MetricsCluster {
  id: string;
  name: string;
  prometheus?: PrometheusClient;
  sampler?: MetricsSampler;
}

/** Options of {@link createFederatedMetrics}. */
export interface FederatedMetricsOptions {
  /** The clusters queries may reach (read on every query, so registrations are seen at once). */
  clusters(): MetricsCluster[] | Promise<MetricsCluster[]>;
  limits?: MetricLimits;
  clock?: Clock;
}

/** Which clusters, how long to wait, and the window of a range query (seed 003 §3.1 defaults). */
export interface MetricRequest {
  cluster_ids?: string[];
  start_time?: string;
  end_time?: string;
  step?: string;
  /** Seconds per cluster (default 30). */
  timeout?: number;
}

/** A federated answer with the window it covers (unix seconds) and, for a named query, its name, title and unit. */
export type MetricsAnswer = FederatedAnswer & {
  query: string;
  window?: MetricWindow;
  named?: Pick<NamedQuery, 'name' | 'title' | 'unit'> & { top: boolean };
};

/**
 * The federated metrics service: PromQL instant and range queries and named queries across clusters in parallel,
 * each cluster answered by its Prometheus (or, for named queries, by the built-in sampler when it has none), each
 * result tagged with its cluster and status. Implements the {@link MetricsSource} port with range queries.
 */
export interface FederatedMetrics extends MetricsSource {
  instant(query: string, request?: MetricRequest & { time?: string }, signal?: AbortSignal): Promise<MetricsAnswer>;
  range(query: string, request?: MetricRequest, signal?: AbortSignal): Promise<MetricsAnswer>;
  named(
    name: string,
    params?: Partial<NamedQueryParams>,
    request?: MetricRequest & { instant?: boolean },
    signal?: AbortSignal,
  ): Promise<MetricsAnswer>;
}

const NO_PROMETHEUS =
  'no Prometheus is configured for this cluster: the built-in sampler answers named queries only (set the cluster endpoint prometheus_url or metrics.prometheus_url)';

/** Creates the {@link FederatedMetrics} service over the clusters `options.clusters()` returns. */
export function createFederatedMetrics(options: FederatedMetricsOptions): FederatedMetrics {
  const limits = options.limits ?? DEFAULT_METRIC_LIMITS;
  const clock = options.clock ?? systemClock;

  async function pick(ids: string[] | undefined): Promise<MetricsCluster[]> {
    const all = await options.clusters();
    if (!ids || ids.length === 0) return all;
    return ids.map((id) => {
      const found = all.find((c) => c.id === id || c.name === id);
      if (!found)
        throw new NotFoundError(`cluster ${id} not found`, { hint: 'list clusters with `opspilot clusters`' });
      return found;
    });
  }

  function windowOf(request: MetricRequest): MetricWindow {
    const end = request.end_time ? Date.parse(request.end_time) / 1000 : clock.now().getTime() / 1000;
    const start = request.start_time ? Date.parse(request.start_time) / 1000 : end - 3600;
    const window = { start, end, stepSeconds: durationToMs((request.step ?? '1m') as never) / 1000 };
    checkWindow(window, limits);
    return window;
  }

  const run = async (
    request: MetricRequest,
    ask: (c: MetricsCluster, signal: AbortSignal) => Promise<ClusterAnswer>,
    signal?: AbortSignal,
  ) =>
    fanOut(await pick(request.cluster_ids), ask, {
      timeoutMs: (request.timeout ?? 30) * 1000,
      limits,
      ...(signal ? { signal } : {}),
    });

  const fromProm = async (p: Promise<{ data: Parameters<typeof toMetricSeries>[0]; warnings: string[] }>) => {
    const { data, warnings } = await p;
    const { resultType, series } = toMetricSeries(data);
    return { resultType, series, warnings };
  };

  const service: FederatedMetrics = {
    async query(q: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]> {
      return (await service.range(q.query, q, signal)).results;
    },
    async instant(query, request = {}, signal) {
      // Without a time, Prometheus answers at its own now.
      const time = request.time ? new Date(request.time) : undefined;
      const answer = await run(
        request,
        (c, s) => {
          if (!c.prometheus) throw new Error(NO_PROMETHEUS);
          return fromProm(c.prometheus.query(query, time, s));
        },
        signal,
      );
      return { ...answer, query };
    },
    async range(query, request = {}, signal) {
      const window = windowOf(request);
      const answer = await run(
        request,
        (c, s) => {
          if (!c.prometheus) throw new Error(NO_PROMETHEUS);
          return fromProm(
            c.prometheus.queryRange(
              query,
              { start: window.start, end: window.end, stepSeconds: window.stepSeconds },
              s,
            ),
          );
        },
        signal,
      );
      return { ...answer, query, window };
    },
    async named(name, params = {}, request = {}, signal) {
      const { query: q, params: p } = namedQuery(name, params);
      const instant = request.instant ?? q.top === true;
      const window = instant ? undefined : windowOf(request);
      const promql = q.promql(p);
      const answer = await run(
        request,
        async (c, s) => {
          if (c.prometheus) {
            if (instant) {
              const top = await fromProm(c.prometheus.query(promql, undefined, s));
              return { ...top, series: sortTop(top.series, undefined) };
            }
            return fromProm(
              c.prometheus.queryRange(
                promql,
                { start: window!.start, end: window!.end, stepSeconds: window!.stepSeconds },
                s,
              ),
            );
          }
          if (!c.sampler) throw new Error('no Prometheus and no built-in sampler for this cluster');
          if (instant) {
            const rows = c.sampler.instant(q.builtin(p), clock.now().getTime());
            const at = clock.now().getTime() / 1000;
            const series = rows.map((r) => ({
              metric: r.labels,
              values: [[at, String(r.value)]] as [number, string][],
            }));
            return { resultType: 'VECTOR', series: sortTop(series, q.top ? p.limit : undefined), warnings: [] };
          }
          const series = c.sampler.range(
            q.builtin(p),
            window!.start * 1000,
            window!.end * 1000,
            window!.stepSeconds * 1000,
          );
          return { resultType: 'MATRIX', series, warnings: [] };
        },
        signal,
      );
      return {
        ...answer,
        query: promql,
        ...(window ? { window } : {}),
        named: { name: q.name, title: q.title, unit: q.unit, top: q.top === true },
      };
    },
  };
  return service;
}

/** Highest value first, `limit` kept (as `topk`). */
function sortTop<T extends { values: [number, string][] }>(series: T[], limit: number | undefined): T[] {
  const value = (s: T) => Number(s.values.at(-1)?.[1] ?? Number.NaN);
  const sorted = [...series].sort((a, b) => value(b) - value(a));
  return limit ? sorted.slice(0, limit) : sorted;
}
