import { ManualClock } from '@opspilot/core';
import { type SimCluster, type SimClusterOptions, startSimCluster } from '@opspilot/kube-sim';
import { createClusterGateway, type KubeClusterGateway } from '../createClusterGateway.js';

/** A simulated cluster on a manual clock and a gateway to it over its kubeconfig, for integration tests. */
export interface GatewayFixture {
  sim: SimCluster;
  clock: ManualClock;
  gateway: KubeClusterGateway;
}

/** Starts the simulated cluster (HTTPS unless `tls: false`) and a gateway using the kubeconfig it hands out. */
export async function startGateway(options: SimClusterOptions = {}, namespace?: string): Promise<GatewayFixture> {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  const sim = await startSimCluster({ clock, ...options });
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, namespace, clock });
  return { sim, clock, gateway };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets the cluster's controllers run through `ms` of simulated time in steps, reconciling after each one (no
 * wall-clock waits: the controllers run synchronously on `reconcileNow`).
 */
export async function runFor(f: GatewayFixture, ms: number, step = 1_000): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    f.sim.controllers?.reconcileNow();
    await f.clock.advance(step);
    await nextTurn();
    f.sim.controllers?.reconcileNow();
  }
}
