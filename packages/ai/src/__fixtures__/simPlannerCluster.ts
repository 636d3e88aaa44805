import { type KubeObject, ManualClock } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { plannerCluster } from '../testing/index.js';

/** The simulated cluster with the demo scenario plus the planner fixtures, and a real gateway to it. */
export interface SimPlannerCluster {
  sim: SimCluster;
  gateway: KubeClusterGateway;
  stop(): Promise<void>;
}

const EXTRA_NAMESPACES = new Set(['shop', 'payments']);

/** Objects of {@link plannerCluster} that the demo scenario does not already hold, in an order the API accepts. */
function extras(): KubeObject[] {
  return plannerCluster().filter(
    (o) =>
      (o.kind === 'Namespace' && EXTRA_NAMESPACES.has(o.metadata.name)) ||
      (o.kind !== 'Namespace' && o.kind !== 'Node' && o.kind !== 'Pod' && EXTRA_NAMESPACES.has(o.metadata.namespace ?? '')),
  );
}

/**
 * Starts `startSimCluster({ scenario: 'demo' })` on a manual clock, applies the extra namespaces and workloads through
 * the gateway, and lets the controllers create the pods.
 */
export async function startSimPlannerCluster(): Promise<SimPlannerCluster> {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  const sim = await startSimCluster({ scenario: 'demo', clock });
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  for (const object of extras()) {
    const { status: _status, ...rest } = object;
    await gateway.apply(rest as KubeObject);
  }
  for (let i = 0; i < 5; i++) {
    sim.controllers?.reconcileNow();
    await clock.advance(1_000);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { sim, gateway, stop: () => sim.stop() };
}
