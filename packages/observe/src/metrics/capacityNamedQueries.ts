import type { BuiltinExpr } from './builtinExpr.js';

/** A named query of the fleet's capacity: one series (the sum over the cluster, or over a namespace). */
export interface CapacityNamedQuery {
  name: string;
  title: string;
  unit: 'cores' | 'bytes';
  promql(p: { namespace?: string }): string;
  builtin(p: { namespace?: string }): BuiltinExpr;
}

const nsLabel = (p: { namespace?: string }) => (p.namespace ? [`namespace="${p.namespace}"`] : []);
const nsMatch = (p: { namespace?: string }): Record<string, string> => (p.namespace ? { namespace: p.namespace } : {});

const kubeState = (
  name: string,
  title: string,
  unit: CapacityNamedQuery['unit'],
  metric: string,
  resource: 'cpu' | 'memory',
): CapacityNamedQuery => ({
  name,
  title,
  unit,
  promql: (p) => `sum(${metric}{${[`resource="${resource}"`, ...nsLabel(p)].join(',')}})`,
  builtin: (p) => ({ fn: 'gauge', metric, by: [], match: { resource, ...nsMatch(p) } }),
});

/**
 * The capacity plan's history: requests and allocatable (kube-state-metrics' `kube_pod_container_resource_requests`
 * and `kube_node_status_allocatable`) and usage (cAdvisor's containers through Prometheus; metrics.k8s.io's pods
 * through the built-in sampler), summed over the cluster. Prometheus answers them wherever kube-state-metrics and
 * cAdvisor are scraped; the sampler from what it keeps (`prometheus.sampler_window`).
 * @see https://github.com/kubernetes/kube-state-metrics/blob/main/docs/metrics/workload/pod-metrics.md
 */
export const CAPACITY_NAMED_QUERIES: readonly CapacityNamedQuery[] = [
  kubeState('cluster-cpu-requests', 'CPU requested by pods', 'cores', 'kube_pod_container_resource_requests', 'cpu'),
  kubeState(
    'cluster-memory-requests',
    'Memory requested by pods',
    'bytes',
    'kube_pod_container_resource_requests',
    'memory',
  ),
  kubeState('cluster-cpu-allocatable', 'CPU allocatable on nodes', 'cores', 'kube_node_status_allocatable', 'cpu'),
  kubeState(
    'cluster-memory-allocatable',
    'Memory allocatable on nodes',
    'bytes',
    'kube_node_status_allocatable',
    'memory',
  ),
  {
    name: 'cluster-cpu-usage',
    title: 'CPU used by containers',
    unit: 'cores',
    promql: (p) =>
      `sum(rate(container_cpu_usage_seconds_total{${['container!=""', 'container!="POD"', ...nsLabel(p)].join(',')}}[5m]))`,
    builtin: (p) => ({
      fn: 'gauge',
      metric: 'pod_cpu_usage_cores',
      by: [],
      ...(p.namespace ? { match: nsMatch(p) } : {}),
    }),
  },
  {
    name: 'cluster-memory-usage',
    title: 'Memory used by containers (working set)',
    unit: 'bytes',
    promql: (p) =>
      `sum(container_memory_working_set_bytes{${['container!=""', 'container!="POD"', ...nsLabel(p)].join(',')}})`,
    builtin: (p) => ({
      fn: 'gauge',
      metric: 'pod_memory_working_set_bytes',
      by: [],
      ...(p.namespace ? { match: nsMatch(p) } : {}),
    }),
  },
];
