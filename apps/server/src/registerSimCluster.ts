import type { Clock, Cluster, EventBus } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import type { Store } from '@opspilot/store';
import { publishAudit } from './events/publishAudit.js';

/** Name under which `npm start` registers its embedded simulated cluster. */
export const SIM_CLUSTER_NAME = 'sim-demo';

/**
 * Starts the simulated cluster in-process with the `demo` scenario and registers it (or refreshes its address and
 * kubeconfig, which change every start) as `sim-demo`, ONLINE, with its kubeconfig encrypted in the store. The
 * registration is audited as `system` and announced as `CLUSTER_STATUS_CHANGED`.
 */
export async function registerSimCluster(services: {
  store: Store;
  bus: EventBus;
  clock: Clock;
}): Promise<{ sim: SimCluster; cluster: Cluster }> {
  const { store, bus, clock } = services;
  const sim = await startSimCluster({ scenario: 'demo' });
  try {
    const existing = await store.clusters.findByName(SIM_CLUSTER_NAME);
    const fields = {
      api_server_url: sim.url,
      display_name: 'Simulated demo cluster',
      platform: 'KUBERNETES' as const,
      environment: 'DEVELOPMENT' as const,
      labels: { simulated: 'true' },
    };
    const base = existing
      ? await store.clusters.update(existing.id, fields)
      : await store.clusters.create({ name: SIM_CLUSTER_NAME, ...fields });
    await store.clusters.setCredentials(base.id, { auth_type: 'KUBECONFIG', kubeconfig: sim.kubeconfig });
    const now = clock.now().toISOString();
    const cluster = await store.clusters.update(base.id, {
      status: { ...base.status, state: 'ONLINE' },
      last_seen_at: now,
    });
    await publishAudit(services, {
      user_id: 'system',
      action: existing ? 'cluster.refresh' : 'cluster.register',
      target: `cluster:${SIM_CLUSTER_NAME}`,
      cluster_id: cluster.id,
      details: { api_server_url: sim.url, simulated: true },
    });
    await bus.publish({
      event_type: 'CLUSTER_STATUS_CHANGED',
      cluster_id: cluster.id,
      timestamp: now,
      payload: { name: cluster.name, state: 'ONLINE', change: existing ? 'REFRESHED' : 'REGISTERED' },
    });
    return { sim, cluster };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}
