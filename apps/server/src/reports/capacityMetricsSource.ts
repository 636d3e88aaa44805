import type { Cluster, MetricQuery, MetricResult, MetricsSource } from '@opspilot/core';
import { CAPACITY_NAMED_QUERIES } from '@opspilot/observe';
import type { CapacityQueries } from '@opspilot/reports';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';

const byKey = (name: string) => {
  const found = CAPACITY_NAMED_QUERIES.find((q) => q.name === name);
  if (!found) throw new Error(`named query ${name} is missing from the capacity catalogue`);
  return found;
};

const NAMES: Record<keyof CapacityQueries, string> = {
  cpu_requests: 'cluster-cpu-requests',
  memory_requests: 'cluster-memory-requests',
  cpu_allocatable: 'cluster-cpu-allocatable',
  memory_allocatable: 'cluster-memory-allocatable',
  cpu_usage: 'cluster-cpu-usage',
  memory_usage: 'cluster-memory-usage',
};

/** The PromQL of the capacity history: the capacity named queries of `@opspilot/observe`, over whole clusters. */
export const CAPACITY_QUERIES = Object.fromEntries(
  Object.entries(NAMES).map(([key, name]) => [key, byKey(name).promql({})]),
) as CapacityQueries;

/**
 * The {@link MetricsSource} the capacity plan reads its history from: a cluster with a Prometheus answers the
 * PromQL; a cluster on the built-in sampler answers the capacity named query of the same expression over the same
 * window (the sampler speaks no PromQL; its history is `prometheus.sampler_window`). Other PromQL gets no series
 * from a sampled cluster.
 */
export function capacityMetricsSource(metrics: ServerMetrics, clusters: readonly Cluster[]): MetricsSource {
  const namedOf = (promql: string) => CAPACITY_NAMED_QUERIES.find((q) => q.promql({}) === promql)?.name;
  return {
    async query(q: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]> {
      const chosen = q.cluster_ids.length > 0 ? clusters.filter((c) => q.cluster_ids.includes(c.id)) : clusters;
      const results = await Promise.all(
        chosen.map(async (cluster): Promise<MetricResult[]> => {
          const service = metrics.over([cluster]);
          if (metrics.hasPrometheus(cluster)) return service.query({ ...q, cluster_ids: [cluster.id] }, signal);
          const named = namedOf(q.query);
          if (!named) return [{ cluster_id: cluster.id, cluster_name: cluster.name, status: 'SUCCESS', data: [] }];
          const answer = await service.named(
            named,
            {},
            {
              instant: false,
              cluster_ids: [cluster.id],
              start_time: q.start_time,
              end_time: q.end_time,
              step: q.step,
              timeout: q.timeout,
            },
            signal,
          );
          return answer.results;
        }),
      );
      return results.flat();
    },
  };
}
