import type { Cluster } from '@opspilot/core';
import {
  attachUsage,
  type ClusterCostInput,
  COST_SNAPSHOT_KINDS,
  type CostWindow,
  inventoryFromSnapshot,
  type UsageGap,
} from '@opspilot/cost';
import type { ApiServices } from '../api/apiServices.js';
import { costMetricsSource } from './costMetricsSource.js';

/**
 * Each cluster's cost inventory over `window`: its objects now (nodes, pods, claims, Services) and its containers'
 * usage over the window from its metrics. A cluster whose usage could not be read is still allocated (at its
 * requests) and its gap reported.
 */
export async function collectCostInputs(
  services: ApiServices,
  clusters: readonly Cluster[],
  window: CostWindow,
  signal?: AbortSignal,
): Promise<{ inputs: ClusterCostInput[]; gaps: UsageGap[] }> {
  const per = await Promise.all(
    clusters.map(async (cluster) => {
      const gateway = await services.gateways.get(cluster.id);
      const snapshot = await gateway.snapshot({ kinds: [...COST_SNAPSHOT_KINDS], signal });
      const input = inventoryFromSnapshot(snapshot, cluster, window);
      const gaps = await attachUsage(input, costMetricsSource(services.metrics, [cluster]), { signal });
      return { input, gaps };
    }),
  );
  return { inputs: per.map((p) => p.input), gaps: per.flatMap((p) => p.gaps) };
}
