import { fileURLToPath } from 'node:url';
import type { Clock, Cluster, EventBus } from '@opspilot/core';
import { loadScenario, type SimCluster, startSimCluster } from '@opspilot/kube-sim';
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
  /** Scenario files loaded after the scenario (GPU node pools and their workloads for the demo). */
  extras?: readonly string[];
}

/** The demo cluster's GPU node (an NVIDIA L4 with 2 GPUs) and the inference service on it. */
export const DEMO_GPU_FLEET = fileURLToPath(new URL('./demoGpuFleet.yaml', import.meta.url));

/**
 * The simulated clusters `npm start` brings: `sim-demo` (demo scenario plus a GPU node, so the GPUs page has a fleet)
 * and `sim-staging` (broken scenario).
 */
export const EMBEDDED_SIM_CLUSTERS: readonly SimClusterSpec[] = [
  {
    name: SIM_CLUSTER_NAME,
    scenario: 'demo',
    displayName: 'Simulated demo cluster',
    environment: 'DEVELOPMENT',
    extras: [DEMO_GPU_FLEET],
  },
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
    for (const extra of spec.extras ?? []) loadScenario(sim.api, extra);
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
