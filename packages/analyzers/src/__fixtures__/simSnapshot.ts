import type { ClusterSnapshot, KubeObject } from '@opspilot/core';
import type { SimCluster } from '@opspilot/kube-sim';

/**
 * A snapshot of the given kinds (`[apiVersion, kind]`) read straight from a simulated cluster's store, as the
 * gateway's snapshot would hold them, for analyzer tests on failures the simulated controllers produce.
 */
export function simSnapshot(sim: SimCluster, kinds: [string, string][]): ClusterSnapshot {
  const byKind: Record<string, KubeObject[]> = {};
  for (const [apiVersion, kind] of kinds)
    byKind[kind] = sim.store.list(sim.api.registry.byKind(apiVersion, kind)!, {}).items as unknown as KubeObject[];
  return { cluster: 'sim', takenAt: sim.clock.now().toISOString(), objects: byKind, errors: [] };
}
