import type { DetectorOptionsInput } from './detectorOptions.js';

/** How a signal's values read (for explanations and charts). */
export type SignalUnit = 'cores' | 'bytes' | 'count' | 'per_second' | 'ratio' | 'seconds' | 'percent' | 'celsius';

/**
 * A series family worth watching: a PromQL range query returning one series per object (pod, workload, node, GPU),
 * the per-signal tuning of its detector, and, where the built-in sampler can answer it without Prometheus, the name
 * of the observe package's named query that does (the server's metrics source maps one to the other).
 */
export interface AnomalySignal {
  id: string;
  /** What people call it, e.g. "CPU". */
  title: string;
  /** The metric it derives from (stored as the anomaly's `metric_name`). */
  metric_name: string;
  unit: SignalUnit;
  /** What each series is about: the labels that identify it. */
  scope: 'pod' | 'workload' | 'node' | 'gpu';
  promql: string;
  named?: string;
  detector?: DetectorOptionsInput;
}

const RATE = '5m';
/** The labels of a dcgm-exporter series that name the GPU and the pod holding it (as the GPU views group them). */
const DCGM_LABELS = 'Hostname, gpu, UUID, modelName, namespace, pod, container';

/**
 * The series that matter (issue: per-workload CPU, memory, restarts, request and error rate, latency; per node; per
 * GPU when present). A cluster without Prometheus is scored on those with a `named` query; request, error and latency
 * series need a Prometheus that has them; GPU series come from dcgm-exporter (through a Prometheus, or the sampler of
 * a simulated GPU cluster). Absent series are simply not scored.
 */
export const ANOMALY_SIGNALS: readonly AnomalySignal[] = [
  {
    id: 'pod-cpu',
    title: 'CPU',
    metric_name: 'container_cpu_usage_seconds_total',
    unit: 'cores',
    scope: 'pod',
    promql: `sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{container!=""}[${RATE}]))`,
    named: 'top-pods-by-cpu',
    detector: { minAbsoluteScale: 0.005, minRelativeScale: 0.05 },
  },
  {
    id: 'pod-memory',
    title: 'memory',
    metric_name: 'container_memory_working_set_bytes',
    unit: 'bytes',
    scope: 'pod',
    promql: 'sum by (namespace, pod) (container_memory_working_set_bytes{container!=""})',
    named: 'top-pods-by-memory',
    detector: { minAbsoluteScale: 4 * 1024 * 1024, minRelativeScale: 0.03 },
  },
  {
    id: 'pod-restarts',
    title: 'container restarts',
    metric_name: 'kube_pod_container_status_restarts_total',
    unit: 'count',
    scope: 'pod',
    promql: 'sum by (namespace, pod) (kube_pod_container_status_restarts_total)',
    named: 'restarts',
    detector: { minAbsoluteScale: 0.1, minRelativeScale: 0, seasonSeconds: 0 },
  },
  {
    id: 'node-cpu',
    title: 'node CPU',
    metric_name: 'container_cpu_usage_seconds_total',
    unit: 'cores',
    scope: 'node',
    promql: `sum by (node) (rate(container_cpu_usage_seconds_total{container!=""}[${RATE}]))`,
    named: 'node-cpu',
    detector: { minAbsoluteScale: 0.01, minRelativeScale: 0.05 },
  },
  {
    id: 'node-memory',
    title: 'node memory',
    metric_name: 'container_memory_working_set_bytes',
    unit: 'bytes',
    scope: 'node',
    promql: 'sum by (node) (container_memory_working_set_bytes{container!=""})',
    named: 'node-memory',
    detector: { minAbsoluteScale: 16 * 1024 * 1024, minRelativeScale: 0.03 },
  },
  {
    id: 'workload-request-rate',
    title: 'request rate',
    metric_name: 'http_requests_total',
    unit: 'per_second',
    scope: 'workload',
    promql: `sum by (namespace, app) (rate(http_requests_total[${RATE}]))`,
    detector: { minAbsoluteScale: 0.05, minRelativeScale: 0.05 },
  },
  {
    id: 'workload-error-ratio',
    title: 'error rate',
    metric_name: 'http_requests_total',
    unit: 'ratio',
    scope: 'workload',
    promql: `sum by (namespace, app) (rate(http_requests_total{code=~"5.."}[${RATE}])) / sum by (namespace, app) (rate(http_requests_total[${RATE}]))`,
    detector: { minAbsoluteScale: 0.005, minRelativeScale: 0.1, thresholds: { above: 0.1 } },
  },
  {
    id: 'workload-latency-p95',
    title: 'p95 latency',
    metric_name: 'http_request_duration_seconds',
    unit: 'seconds',
    scope: 'workload',
    promql: `histogram_quantile(0.95, sum by (namespace, app, le) (rate(http_request_duration_seconds_bucket[${RATE}])))`,
    detector: { minAbsoluteScale: 0.002, minRelativeScale: 0.05 },
  },
  {
    id: 'gpu-utilization',
    title: 'GPU utilisation',
    metric_name: 'DCGM_FI_DEV_GPU_UTIL',
    unit: 'percent',
    scope: 'gpu',
    promql: `max by (${DCGM_LABELS}) (DCGM_FI_DEV_GPU_UTIL)`,
    named: 'gpu-utilization',
    detector: { minAbsoluteScale: 2, minRelativeScale: 0.05 },
  },
  {
    id: 'gpu-temperature',
    title: 'GPU temperature',
    metric_name: 'DCGM_FI_DEV_GPU_TEMP',
    unit: 'celsius',
    scope: 'gpu',
    promql: `max by (${DCGM_LABELS}) (DCGM_FI_DEV_GPU_TEMP)`,
    named: 'gpu-temperature',
    detector: { minAbsoluteScale: 1, minRelativeScale: 0.02, thresholds: { above: 85 } },
  },
];

/** The signal with this id, or undefined. */
export function anomalySignal(id: string): AnomalySignal | undefined {
  return ANOMALY_SIGNALS.find((s) => s.id === id);
}
