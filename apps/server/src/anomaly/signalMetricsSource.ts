import { ANOMALY_SIGNALS } from '@opspilot/anomaly';
import type { Cluster, MetricsSource } from '@opspilot/core';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';
import { samplerFallbackSource } from '../metrics/samplerFallbackSource.js';

/**
 * The {@link MetricsSource} the anomaly scanner reads: a cluster with a Prometheus answers the signal's PromQL; a
 * cluster on the built-in sampler answers the signal's named query over the same window (the sampler speaks no
 * PromQL), and has no series for a signal without one (request rate, errors, latency, GPU need a Prometheus).
 */
export function signalMetricsSource(metrics: ServerMetrics, clusters: () => Promise<Cluster[]>): MetricsSource {
  return samplerFallbackSource(metrics, clusters, (promql) => {
    const name = ANOMALY_SIGNALS.find((s) => s.promql === promql)?.named;
    return name ? { name, params: { limit: 100 } } : undefined;
  });
}
