import type { ClusterCostInput } from '../inventory/costInventory.js';
import { HOURS_PER_MONTH } from '../pricing/defaultPrices.js';
import type { PriceModel } from '../pricing/priceModel.js';

const GIB = 2 ** 30;

/** A volume claim or LoadBalancer that costs money and serves nothing. */
export interface UnusedResource {
  cluster_id: string;
  kind: 'PersistentVolumeClaim' | 'Service';
  namespace: string;
  name: string;
  /** Why it counts as unused. */
  reason: string;
  monthly_cost: number;
}

/** PersistentVolumeClaims no pod mounts: their requested size still costs its storage class's price. */
export function unusedPvcs(input: ClusterCostInput, prices: PriceModel): UnusedResource[] {
  const mounted = new Set(input.pods.flatMap((p) => p.pvcs.map((c) => `${p.namespace}/${c}`)));
  return input.pvcs
    .filter((c) => !mounted.has(`${c.namespace}/${c.name}`))
    .map((c) => ({
      cluster_id: input.clusterId,
      kind: 'PersistentVolumeClaim' as const,
      namespace: c.namespace,
      name: c.name,
      reason: `no pod mounts it (${Math.round((c.sizeBytes / GIB) * 10) / 10} GiB of ${c.storageClass ?? 'the default class'})`,
      monthly_cost: round4((c.sizeBytes / GIB) * prices.storageGibHour(c.storageClass) * HOURS_PER_MONTH),
    }));
}

/** Services of type LoadBalancer with no ready endpoint: the cloud bills the balancer all the same. */
export function orphanedLoadBalancers(input: ClusterCostInput, prices: PriceModel): UnusedResource[] {
  return input.services
    .filter((s) => s.type === 'LoadBalancer' && s.readyEndpoints === 0)
    .map((s) => ({
      cluster_id: input.clusterId,
      kind: 'Service' as const,
      namespace: s.namespace,
      name: s.name,
      reason: 'LoadBalancer with no ready endpoint',
      monthly_cost: round4(prices.loadBalancerHour * HOURS_PER_MONTH),
    }));
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
