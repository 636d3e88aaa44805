import { recordDeployments } from '@opspilot/delivery';
import type { ApiServices } from '../api/apiServices.js';

const KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * Records deployments as they happen: on every `RESOURCES_CHANGED` event of a cluster whose changed kinds include a
 * Deployment, StatefulSet or DaemonSet, the cluster's workloads are compared with their last recorded images
 * ({@link recordDeployments}). One pass per cluster at a time; changes arriving meanwhile cause one more pass.
 * Returns the function that stops it.
 */
export function observeRollouts(
  services: Pick<ApiServices, 'bus' | 'store' | 'gateways' | 'clock' | 'logger'>,
): () => void {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const pass = async (clusterId: string): Promise<void> => {
    try {
      const made = await recordDeployments({
        gateway: await services.gateways.get(clusterId),
        records: services.store,
        clusterId,
        now: () => services.clock.now(),
        events: services.bus,
      });
      if (made.length)
        services.logger.info({ cluster_id: clusterId, deployments: made.length }, 'deployments recorded');
    } catch (error) {
      services.logger.warn({ err: error, cluster_id: clusterId }, 'recording deployments failed');
    }
    if (again.delete(clusterId)) return pass(clusterId);
  };
  return services.bus.subscribe({ event_types: ['RESOURCES_CHANGED'] }, (event) => {
    const kinds = Array.isArray(event.payload.kinds) ? (event.payload.kinds as unknown[]) : [];
    const clusterId = event.cluster_id;
    if (!clusterId || !kinds.some((k) => typeof k === 'string' && KINDS.has(k))) return;
    if (running.has(clusterId)) {
      again.add(clusterId);
      return;
    }
    const p = pass(clusterId).finally(() => running.delete(clusterId));
    running.set(clusterId, p);
  });
}
