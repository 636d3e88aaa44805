import { NamedChart } from '../metrics/NamedChart.js';
import type { TabProps } from './ResourceTable.js';

/** The cluster page's metrics: CPU and memory per node over the last hour, and the pods using the most memory. */
export function MetricsTab({ clusterId }: TabProps) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <NamedChart name="node-cpu" clusterIds={[clusterId]} watchCluster={clusterId} />
      <NamedChart name="node-memory" clusterIds={[clusterId]} />
      <NamedChart name="top-pods-by-memory" clusterIds={[clusterId]} />
      <NamedChart name="top-pods-by-cpu" clusterIds={[clusterId]} />
    </div>
  );
}
