import { type SimCluster, type SimClusterOptions, startSimCluster } from '@opspilot/kube-sim';
import type { TestApi } from './startTestApi.js';

/** A simulated cluster registered with a test server (see {@link registerSimCluster}). */
export interface RegisteredSim {
  sim: SimCluster;
  clusterId: string;
}

/**
 * Starts a simulated cluster on the test server's clock and registers it (`POST /clusters` as admin), with the fleet
 * watching it when `watch` is set, so tests of what the server does with a live cluster start from one line.
 * @example
 * const { sim, clusterId } = await registerSimCluster(t, { name: 'sim-x', scenario: 'broken', watch: true });
 */
export async function registerSimCluster(
  t: TestApi,
  options: { name: string; scenario: SimClusterOptions['scenario']; watch?: boolean },
): Promise<RegisteredSim> {
  const sim = await startSimCluster({ scenario: options.scenario, clock: t.clock });
  if (options.watch) await t.services.fleet.start();
  const registered = await t.rest('POST', '/clusters', t.users.admin.token, {
    name: options.name,
    api_server_url: sim.url,
    kubeconfig: sim.kubeconfig,
  });
  return { sim, clusterId: registered.json().id };
}
