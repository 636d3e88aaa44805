import type { Cluster, MetricQuery, MetricResult, MetricsSource } from '@opspilot/core';
import type { NamedQueryParams } from '@opspilot/observe';
import type { ServerMetrics } from './createServerMetrics.js';

/** The sampler's named query (and its parameters) that answers one PromQL of an engine. */
export interface NamedAnswer {
  name: string;
  params?: Partial<NamedQueryParams>;
}

/**
 * A {@link MetricsSource} for an engine that asks PromQL: a cluster with a Prometheus answers the PromQL itself; a
 * cluster on the built-in sampler (which speaks no PromQL) answers the named query `namedFor` gives for it over the
 * same window, and has no series for PromQL without one. Clusters are asked in parallel; `cluster_ids` narrows them.
 */
export function samplerFallbackSource(
  metrics: ServerMetrics,
  clusters: readonly Cluster[] | (() => Promise<readonly Cluster[]>),
  namedFor: (promql: string) => NamedAnswer | undefined,
): MetricsSource {
  return {
    async query(q: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]> {
      const all = typeof clusters === 'function' ? await clusters() : clusters;
      const chosen = q.cluster_ids.length > 0 ? all.filter((c) => q.cluster_ids.includes(c.id)) : all;
      const results = await Promise.all(
        chosen.map(async (cluster): Promise<MetricResult[]> => {
          const service = metrics.over([cluster]);
          if (metrics.hasPrometheus(cluster)) return service.query({ ...q, cluster_ids: [cluster.id] }, signal);
          const named = namedFor(q.query);
          if (!named) return [{ cluster_id: cluster.id, cluster_name: cluster.name, status: 'SUCCESS', data: [] }];
          const request = {
            instant: false,
            cluster_ids: [cluster.id],
            start_time: q.start_time,
            end_time: q.end_time,
            step: q.step,
            timeout: q.timeout,
          };
          return (await service.named(named.name, named.params ?? {}, request, signal)).results;
        }),
      );
      return results.flat();
    },
  };
}
