import { ANOMALY_SIGNALS } from '@opspilot/anomaly';
import type { Cluster, MetricQuery, MetricResult, MetricsSource } from '@opspilot/core';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';

/**
 * The {@link MetricsSource} the anomaly scanner reads: a cluster with a Prometheus answers the signal's PromQL; a
 * cluster on the built-in sampler answers the signal's named query over the same window (the sampler speaks no
 * PromQL), and has no series for a signal without one (request rate, errors, latency, GPU need a Prometheus).
 */
export function signalMetricsSource(metrics: ServerMetrics, clusters: () => Promise<Cluster[]>): MetricsSource {
  return {
    async query(q: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]> {
      const all = await clusters();
      const chosen = q.cluster_ids.length > 0 ? all.filter((c) => q.cluster_ids.includes(c.id)) : all;
      const named = ANOMALY_SIGNALS.find((s) => s.promql === q.query)?.named;
      const results = await Promise.all(
        chosen.map(async (cluster): Promise<MetricResult[]> => {
          const service = metrics.over([cluster]);
          if (metrics.hasPrometheus(cluster)) return service.query({ ...q, cluster_ids: [cluster.id] }, signal);
          if (!named) {
            return [{ cluster_id: cluster.id, cluster_name: cluster.name, status: 'SUCCESS', data: [] }];
          }
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
