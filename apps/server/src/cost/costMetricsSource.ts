import type { Cluster, MetricsSource } from '@opspilot/core';
import { USAGE_QUERIES } from '@opspilot/cost';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';
import { samplerFallbackSource } from '../metrics/samplerFallbackSource.js';

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
  return samplerFallbackSource(metrics, clusters, (promql) => {
    const name = namedFor(promql);
    return name ? { name, params: { limit: 100 } } : undefined;
  });
}
