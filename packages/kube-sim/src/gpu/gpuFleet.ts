import type { GpuNodeFacts } from './gpuNodePool.js';

const fleets = new WeakMap<object, Map<string, GpuNodeFacts>>();

/**
 * The GPU facts of a simulated cluster's GPU nodes by node name (seed, driver, scheduled XID errors), kept beside
 * its object store. A node with `nvidia.com/gpu` capacity that is not listed here (created through the API) gets
 * facts derived from its name and labels.
 */
export function gpuFleetOf(store: object): Map<string, GpuNodeFacts> {
  let fleet = fleets.get(store);
  if (!fleet) {
    fleet = new Map();
    fleets.set(store, fleet);
  }
  return fleet;
}
