import type { Cluster, MetricsSource } from '@opspilot/core';
import { CAPACITY_NAMED_QUERIES } from '@opspilot/observe';
import type { CapacityQueries } from '@opspilot/reports';
import type { ServerMetrics } from '../metrics/createServerMetrics.js';
import { samplerFallbackSource } from '../metrics/samplerFallbackSource.js';

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
  return samplerFallbackSource(metrics, clusters, (promql) => {
    const name = CAPACITY_NAMED_QUERIES.find((q) => q.promql({}) === promql)?.name;
    return name ? { name } : undefined;
  });
}
