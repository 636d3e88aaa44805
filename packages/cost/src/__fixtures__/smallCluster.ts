import type { ClusterCostInput, CostContainer, CostPod } from '../inventory/costInventory.js';
import { PriceModel } from '../pricing/priceModel.js';

export const GIB = 2 ** 30;

/** Flat prices that make hand computation easy: 0.04 per core-hour, 0.005 per GiB-hour, storage 0.73 per GiB-month. */
export const FLAT_PRICES = new PriceModel({
  on_prem: { cpu_core_hour: 0.04, memory_gib_hour: 0.005 },
  storage_classes: { fast: 0.73 },
  load_balancer_hour: 0.02,
});

/** A constant series of `steps` values. */
export function constant(value: number, steps: number): Float64Array {
  return new Float64Array(steps).fill(value);
}

export function container(name: string, cpu: number, memGib: number, usage?: { cpu?: Float64Array; mem?: Float64Array }): CostContainer {
  return {
    name,
    cpuRequest: cpu,
    memoryRequest: memGib * GIB,
    gpuRequest: 0,
    ...(usage?.cpu ? { cpuUsage: usage.cpu } : {}),
    ...(usage?.mem ? { memoryUsage: usage.mem } : {}),
  };
}

export function pod(namespace: string, name: string, workload: [string, string], containers: CostContainer[], extra: Partial<CostPod> = {}): CostPod {
  return { namespace, name, node: 'n1', workload: { kind: workload[0], name: workload[1] }, labels: {}, containers, pvcs: [], ...extra };
}

/**
 * One 4-core 16 GiB on-prem node over 24 hourly steps. Hand-computed with {@link FLAT_PRICES}:
 * - a/web-1: requests 0.5 core 1 GiB, uses 0.25 core 2 GiB → 0.5 × 0.04 + 2 × 0.005 = 0.03 per hour
 * - a/web-2: requests 0.5 core 1 GiB, uses 1 core 0.5 GiB → 1 × 0.04 + 1 × 0.005 = 0.045 per hour
 * - b/db-0: requests 1 core 4 GiB, no usage → 0.06 per hour, plus its 10 GiB "fast" claim 0.01 per hour
 * - b/public: a LoadBalancer, 0.02 per hour
 * namespace a = 0.075 × 24 = 1.80; b = 0.09 × 24 = 2.16; the node costs 0.24 per hour, idle = 0.105 × 24 = 2.52.
 */
export function smallCluster(steps = 24): ClusterCostInput {
  return {
    clusterId: '00000000-0000-4000-8000-000000000001',
    clusterName: 'small',
    window: { start: 1_700_000_000 - (1_700_000_000 % 3600), stepSeconds: 3600, steps },
    nodes: [{ name: 'n1', labels: {}, cpuCores: 4, memoryBytes: 16 * GIB, gpus: 0 }],
    pods: [
      pod('a', 'web-1', ['Deployment', 'web'], [container('app', 0.5, 1, { cpu: constant(0.25, steps), mem: constant(2 * GIB, steps) })], { labels: { team: 'red' } }),
      pod('a', 'web-2', ['Deployment', 'web'], [container('app', 0.5, 1, { cpu: constant(1, steps), mem: constant(0.5 * GIB, steps) })], { labels: { team: 'red' } }),
      pod('b', 'db-0', ['StatefulSet', 'db'], [container('db', 1, 4)], { pvcs: ['data'], labels: { team: 'blue' } }),
    ],
    pvcs: [{ namespace: 'b', name: 'data', storageClass: 'fast', sizeBytes: 10 * GIB }],
    services: [{ namespace: 'b', name: 'public', type: 'LoadBalancer', readyEndpoints: 1 }],
  };
}
