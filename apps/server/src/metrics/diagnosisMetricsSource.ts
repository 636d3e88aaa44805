import { HTTP_ERRORS_PROMQL, HTTP_REQUESTS_PROMQL } from '@opspilot/analyzers';
import type { Cluster, MetricsSource } from '@opspilot/core';
import type { ServerMetrics } from './createServerMetrics.js';
import { samplerFallbackSource } from './samplerFallbackSource.js';

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
  return samplerFallbackSource(metrics, [cluster], (promql) =>
    NAMED[promql] ? { name: NAMED[promql], params: { limit: 100 } } : undefined,
  );
}
