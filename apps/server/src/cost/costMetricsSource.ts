import type { Cluster, MetricQuery, MetricResult, MetricsSource } from '@opspilot/core';
import { USAGE_QUERIES } from '@opspilot/cost';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';

/** The built-in sampler's named queries that answer the cost engine's usage queries (per pod, at most 100 pods). */
function namedFor(query: string): string | undefined {
  if (query.startsWith(USAGE_QUERIES.cpu.slice(0, 60))) return 'top-pods-by-cpu';
  if (query.startsWith(USAGE_QUERIES.memory.slice(0, 60))) return 'top-pods-by-memory';
  return undefined;
}

/**
 * The {@link MetricsSource} the cost engine reads usage from: a cluster with a Prometheus answers the PromQL (per
 * container); a cluster on the built-in sampler answers the matching named query per pod over the same window (the
 * sampler speaks no PromQL; its history is `prometheus.sampler_window`, 6 h by default).
 */
export function costMetricsSource(metrics: ServerMetrics, clusters: readonly Cluster[]): MetricsSource {
  return {
    async query(q: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]> {
      const chosen = q.cluster_ids.length > 0 ? clusters.filter((c) => q.cluster_ids.includes(c.id)) : clusters;
      const results = await Promise.all(
        chosen.map(async (cluster): Promise<MetricResult[]> => {
          const service = metrics.over([cluster]);
          if (metrics.hasPrometheus(cluster)) return service.query({ ...q, cluster_ids: [cluster.id] }, signal);
          const named = namedFor(q.query);
          if (!named) return [{ cluster_id: cluster.id, cluster_name: cluster.name, status: 'SUCCESS', data: [] }];
          const answer = await service.named(
            named,
            { limit: 100 },
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
