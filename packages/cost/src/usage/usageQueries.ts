/**
 * The PromQL the cost engines read usage with: cAdvisor's per-container CPU (rate over the step) and working set
 * (its maximum over the step, for rightsizing's "max + 15 %"). `$STEP` is replaced with the step, e.g. `1h`.
 * @see https://github.com/google/cadvisor/blob/master/docs/storage/prometheus.md
 */
export const USAGE_QUERIES = {
  cpu: 'sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="",container!="POD"}[$STEP]))',
  memory:
    'max by (namespace, pod, container) (max_over_time(container_memory_working_set_bytes{container!="",container!="POD"}[$STEP]))',
  requests: 'sum by (namespace, workload) (rate(http_requests_total[$STEP]))',
} as const;

/** A step in seconds as a PromQL duration (`3600` → `3600s`). */
export function promDuration(seconds: number): string {
  return `${Math.max(1, Math.round(seconds))}s`;
}
