import type { Clock, Cluster, EventBus } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import type { Store } from '@opspilot/store';
import { registerSystemCluster } from './registerSystemCluster.js';

/** Name under which `npm start` registers its embedded simulated cluster. */
export const SIM_CLUSTER_NAME = 'sim-demo';

/** Name of the second embedded simulated cluster, running the `broken` scenario, so the fleet shows two healths. */
export const SIM_STAGING_CLUSTER_NAME = 'sim-staging';

/** Which simulated cluster {@link registerSimCluster} starts: the demo one by default. */
export interface SimClusterSpec {
  name: string;
  scenario: 'demo' | 'broken';
  displayName: string;
  environment: 'DEVELOPMENT' | 'STAGING';
}

/** The simulated clusters `npm start` brings: `sim-demo` (demo scenario) and `sim-staging` (broken scenario). */
export const EMBEDDED_SIM_CLUSTERS: readonly SimClusterSpec[] = [
  { name: SIM_CLUSTER_NAME, scenario: 'demo', displayName: 'Simulated demo cluster', environment: 'DEVELOPMENT' },
  {
    name: SIM_STAGING_CLUSTER_NAME,
    scenario: 'broken',
    displayName: 'Simulated staging cluster (broken)',
    environment: 'STAGING',
  },
];

/**
 * Starts a simulated cluster in-process (`sim-demo` with the `demo` scenario unless `spec` says otherwise) and
 * registers it (or refreshes its address and kubeconfig, which change every start), ONLINE, with its kubeconfig
 * encrypted in the store. The registration is audited as `system` and announced as `CLUSTER_STATUS_CHANGED`.
 */
export async function registerSimCluster(
  services: {
    store: Store;
    bus: EventBus;
    clock: Clock;
  },
  spec: SimClusterSpec = EMBEDDED_SIM_CLUSTERS[0] as SimClusterSpec,
): Promise<{ sim: SimCluster; cluster: Cluster }> {
  const sim = await startSimCluster({ scenario: spec.scenario });
  try {
    const { cluster } = await registerSystemCluster(services, {
      name: spec.name,
      fields: {
        api_server_url: sim.url,
        display_name: spec.displayName,
        platform: 'KUBERNETES',
        environment: spec.environment,
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
