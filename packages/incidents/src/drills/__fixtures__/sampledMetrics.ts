import { anomalySignal } from '@opspilot/anomaly';
import type { ClusterGateway, MetricResult, MetricsSource } from '@opspilot/core';

/**
 * A metrics source for drills, fed by the cluster itself: each `sample()` reads `metrics.k8s.io` through the gateway
 * (what the built-in sampler reads) and keeps the pods' memory and CPU; range queries of the anomaly scan's
 * `pod-memory` and `pod-cpu` series answer from those samples, as the server's sampler-backed source does.
 */
export function sampledMetrics(gateway: ClusterGateway, clusterId: string) {
  const series = { memory: new Map<string, [number, string][]>(), cpu: new Map<string, [number, string][]>() };
  const promql = { memory: anomalySignal('pod-memory')?.promql, cpu: anomalySignal('pod-cpu')?.promql };
  const source: MetricsSource = {
    async query(q): Promise<MetricResult[]> {
      const which = q.query === promql.memory ? series.memory : q.query === promql.cpu ? series.cpu : undefined;
      const from = Date.parse(q.start_time ?? '1970-01-01T00:00:00Z') / 1000;
      const to = Date.parse(q.end_time ?? '2100-01-01T00:00:00Z') / 1000;
      const data = [...(which ?? new Map<string, [number, string][]>()).entries()].map(([key, values]) => {
        const [namespace, pod] = key.split('/');
        return { metric: { namespace: namespace ?? '', pod: pod ?? '' }, values: values.filter(([t]) => t >= from && t <= to) };
      });
      return [{ cluster_id: clusterId, cluster_name: 'drill', status: 'SUCCESS', result_type: 'MATRIX', data }];
    },
  };
  return {
    source,
    /** Takes one sample of every running pod at the cluster's current time. */
    async sample(at: Date) {
      const t = Math.round(at.getTime() / 1000);
      for (const u of await gateway.podMetrics()) {
        const key = `${u.ref.namespace}/${u.ref.name}`;
        for (const [map, value] of [
          [series.memory, u.memoryBytes],
          [series.cpu, u.cpuMillicores / 1000],
        ] as const) {
          const values = map.get(key) ?? [];
          values.push([t, String(value)]);
          map.set(key, values);
        }
      }
    },
  };
}
