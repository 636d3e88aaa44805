import { NotFoundError } from '@opspilot/core';
import type { ClusterWatch } from '@opspilot/fleet';
import type { ApiServices } from '../apiServices.js';
import { visibleCluster } from '../visibleClusters.js';

/**
 * The cluster (visible to the caller) and its live watcher; a cluster that is not watched is a NotFoundError saying
 * so, with where to look.
 */
export async function requireWatch(
  services: ApiServices,
  principal: Parameters<typeof visibleCluster>[1],
  id: string,
): Promise<{ cluster: Awaited<ReturnType<typeof visibleCluster>>; watch: ClusterWatch }> {
  const cluster = await visibleCluster(services.store, principal, id);
  const watch = services.fleet.get(cluster.id);
  if (!watch) {
    throw new NotFoundError(`cluster ${cluster.name} is not watched`, {
      hint: 'the server watches every registered cluster once started; check its kubeconfig and the server log',
    });
  }
  return { cluster, watch };
}
