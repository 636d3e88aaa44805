import { HTTP_ERRORS_PROMQL, HTTP_REQUESTS_PROMQL } from '@opspilot/analyzers';
import type { Cluster, MetricQuery, MetricResult, MetricsSource } from '@opspilot/core';
import type { ServerMetrics } from './createServerMetrics.js';

/** The named query of the built-in sampler that answers each PromQL the diagnosis asks. */
const NAMED: Record<string, string> = {
  [HTTP_ERRORS_PROMQL]: 'http-errors-by-workload',
  [HTTP_REQUESTS_PROMQL]: 'http-requests-by-workload',
};

/**
 * The {@link MetricsSource} diagnosis reads HTTP rates from for one cluster: its Prometheus answers the PromQL; on
 * the built-in sampler the same question is its named query over the same window (the sampler speaks no PromQL),
 * and any other query has no series.
 */
export function diagnosisMetricsSource(metrics: ServerMetrics, cluster: Cluster): MetricsSource {
  return {
    async query(q: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]> {
      const service = metrics.over([cluster]);
      if (metrics.hasPrometheus(cluster)) return service.query({ ...q, cluster_ids: [cluster.id] }, signal);
      const named = NAMED[q.query];
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
    },
  };
}
