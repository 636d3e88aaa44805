import type { MetricQuery, MetricResult } from '../models/seed003/index.js';

/**
 * Prometheus-compatible metrics (Prometheus, Thanos, the simulated cluster's exposition), queried by the
 * anomaly, cost and diagnosis engines. Federated implementations return one result per cluster queried.
 */
export interface MetricsSource {
  query(query: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]>;
}
