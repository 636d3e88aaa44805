import { NamedChart } from '../metrics/NamedChart.js';

/** The kinds whose pods are named `<name>-…` and carry `app: <name>` in the demo's convention, so charts can find them. */
export const CHARTED_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * A workload's last hour as charts: CPU, memory and restarts per pod, and its HTTP request and error rates where it
 * reports them — the named queries (the cluster's Prometheus, or the built-in sampler), its pods found by name.
 */
export function WorkloadCharts({
  clusterId,
  name,
  namespace,
}: {
  clusterId: string;
  name: string;
  namespace?: string;
}) {
  const common = { clusterIds: [clusterId], app: name, ...(namespace ? { namespace } : {}) };
  return (
    <div className="grid gap-4">
      <NamedChart name="workload-cpu" {...common} watchCluster={clusterId} />
      <NamedChart name="workload-memory" {...common} />
      <NamedChart name="workload-restarts" {...common} />
      <NamedChart name="request-rate" {...common} />
      <NamedChart name="error-rate" {...common} />
    </div>
  );
}
