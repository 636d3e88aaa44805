import type { Clock, Cluster, EventBus } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import type { Store } from '@opspilot/store';
import { registerSystemCluster } from './registerSystemCluster.js';

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
  const sim = await startSimCluster({ scenario: 'demo' });
  try {
    const { cluster } = await registerSystemCluster(services, {
      name: SIM_CLUSTER_NAME,
      fields: {
        api_server_url: sim.url,
        display_name: 'Simulated demo cluster',
        platform: 'KUBERNETES',
        environment: 'DEVELOPMENT',
        labels: { simulated: 'true' },
      },
      authType: 'KUBECONFIG',
      kubeconfig: sim.kubeconfig,
      online: true,
      details: { api_server_url: sim.url, simulated: true },
    });
    return { sim, cluster };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}
