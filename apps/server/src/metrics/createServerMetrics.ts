import type { OpspilotConfig } from '@opspilot/config';
import { type Clock, type Cluster, durationToMs } from '@opspilot/core';
import {
  createFederatedMetrics,
  createMetricsSampler,
  createPrometheusClient,
  type FederatedMetrics,
  type MetricLimits,
  type MetricsCluster,
  type MetricsSampler,
  type PrometheusAuth,
  type PrometheusClient,
} from '@opspilot/observe';
import type { FastifyBaseLogger } from 'fastify';
import type { ClusterGateways } from '../api/clusterGateways.js';

/** The server's metrics: the federated service over the clusters a caller may see, and the built-in samplers. */
export interface ServerMetrics {
  /** The federated service over `clusters` (the caller's visible ones). */
  over(clusters: readonly Cluster[]): FederatedMetrics;
  /** Whether PromQL can be asked of this cluster (its own `prometheus_url` or `prometheus.url`). */
  hasPrometheus(cluster: Cluster): boolean;
  /**
   * Starts sampling a cluster now (rather than on its first query), scraping these expositions besides
   * metrics.k8s.io (the embedded simulated clusters' `/metrics/*` endpoints). No-op when it has a Prometheus.
   */
  sample(cluster: Cluster, scrapes?: (() => Promise<string>)[]): void;
  /** Takes one sample of a sampled cluster now (tests, and callers that cannot wait for the next tick). */
  sampleNow(clusterId: string): Promise<void>;
  close(): void;
}

/** What {@link createServerMetrics} works with. */
export interface ServerMetricsOptions {
  config: OpspilotConfig;
  gateways: Pick<ClusterGateways, 'get'>;
  clock: Clock;
  logger: FastifyBaseLogger;
}

/**
 * Wires metrics per cluster: the cluster's endpoint `prometheus_url` if it has one (an in-cluster `*.svc` address, as
 * detected from the cluster's Services, only when the server runs in a pod), else `prometheus.url`, else a
 * built-in sampler started on first use (metrics.k8s.io through the cluster's gateway, plus the simulated endpoints
 * of an embedded cluster) that keeps `prometheus.sampler_window` at `prometheus.sampler_interval`.
 */
export function createServerMetrics(options: ServerMetricsOptions): ServerMetrics {
  const p = options.config.prometheus;
  const auth: PrometheusAuth = p.bearer_token
    ? { type: 'bearer', token: p.bearer_token }
    : p.username && p.password
      ? { type: 'basic', username: p.username, password: p.password }
      : { type: 'none' };
  const limits: MetricLimits = {
    maxSeries: p.max_series,
    maxPointsPerSeries: p.max_points,
    maxRangeSeconds: durationToMs(p.max_range as never) / 1000,
    minStepSeconds: 1,
  };
  const clients = new Map<string, PrometheusClient>();
  const samplers = new Map<string, MetricsSampler>();
  const scrapes = new Map<string, (() => Promise<string>)[]>();
  // A Prometheus found in the cluster has an in-cluster address (`*.svc`), reachable only from a pod of that cluster.
  const inPod = Boolean(process.env.KUBERNETES_SERVICE_HOST);
  const reachable = (url: string | undefined) =>
    url !== undefined && (inPod || !/\.svc(\.cluster\.local)?(:\d+)?$/.test(new URL(url).host));
  const urlOf = (c: Cluster) => (reachable(c.endpoints?.prometheus_url) ? c.endpoints?.prometheus_url : p.url);
  const clientFor = (url: string) => {
    let client = clients.get(url);
    if (!client) {
      client = createPrometheusClient({ url, auth, timeoutMs: p.timeout_ms });
      clients.set(url, client);
    }
    return client;
  };
  const samplerFor = (c: Cluster) => {
    let sampler = samplers.get(c.id);
    if (!sampler) {
      sampler = createMetricsSampler({
        clock: options.clock,
        intervalMs: durationToMs(p.sampler_interval as never),
        windowMs: durationToMs(p.sampler_window as never),
        sources: {
          podMetrics: async (o) => (await options.gateways.get(c.id)).podMetrics(o),
          nodeMetrics: async (o) => (await options.gateways.get(c.id)).nodeMetrics(o),
          scrapes: scrapes.get(c.id) ?? [],
        },
        onError: (error) => options.logger.debug({ err: error, cluster: c.name }, 'metrics sample failed'),
      });
      sampler.start();
      samplers.set(c.id, sampler);
    }
    return sampler;
  };
  return {
    over(clusters) {
      return createFederatedMetrics({
        clock: options.clock,
        limits,
        clusters: () =>
          clusters.map((c): MetricsCluster => {
            const url = urlOf(c);
            return url
              ? { id: c.id, name: c.name, prometheus: clientFor(url) }
              : { id: c.id, name: c.name, sampler: samplerFor(c) };
          }),
      });
    },
    hasPrometheus: (c) => urlOf(c) !== undefined,
    sample(cluster, more = []) {
      if (urlOf(cluster)) return;
      scrapes.set(cluster.id, more);
      samplers.get(cluster.id)?.stop();
      samplers.delete(cluster.id);
      samplerFor(cluster);
    },
    sampleNow: async (clusterId) => samplers.get(clusterId)?.sampleOnce(),
    close() {
      for (const s of samplers.values()) s.stop();
      samplers.clear();
    },
  };
}
