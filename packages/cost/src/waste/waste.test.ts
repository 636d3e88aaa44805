import { describe, expect, it } from 'vitest';
import { constant, container, FLAT_PRICES, GIB, pod, smallCluster } from '../__fixtures__/smallCluster.js';
import { binPacking } from './binPacking.js';
import { idleWorkloads } from './idleWorkloads.js';
import { orphanedLoadBalancers, unusedPvcs } from './unusedResources.js';

describe('idleWorkloads', () => {
  it('finds a workload with no CPU for the whole look-back, priced at its requests', () => {
    const input = smallCluster(7 * 24);
    input.pods.push(
      pod(
        'c',
        'old-1',
        ['Deployment', 'old'],
        [container('app', 0.25, 0.5, { cpu: constant(0.001, 168), mem: constant(GIB / 4, 168) })],
      ),
    );
    const idle = idleWorkloads(input, FLAT_PRICES, { days: 7 });
    expect(idle).toHaveLength(1);
    expect(idle[0]).toMatchObject({ namespace: 'c', workload: { kind: 'Deployment', name: 'old' }, replicas: 1 });
    expect(idle[0]!.monthly_cost).toBeCloseTo((0.25 * 0.04 + 0.5 * 0.005) * 730, 4);
  });

  it('does not call idle what served requests, or what lacks the history', () => {
    const input = smallCluster(7 * 24);
    input.pods.push(
      pod(
        'c',
        'old-1',
        ['Deployment', 'old'],
        [container('app', 0.25, 0.5, { cpu: constant(0.001, 168), mem: constant(GIB, 168) })],
      ),
    );
    expect(
      idleWorkloads(input, FLAT_PRICES, { requestRates: new Map([['c/Deployment/old', constant(0.2, 168)]]) }),
    ).toEqual([]);
    expect(idleWorkloads(input, FLAT_PRICES, { days: 8 })).toEqual([]);
  });
});

describe('unused resources', () => {
  it('finds claims no pod mounts and LoadBalancers without endpoints', () => {
    const input = smallCluster();
    input.pvcs.push({ namespace: 'b', name: 'old-data', storageClass: 'fast', sizeBytes: 20 * GIB });
    input.services.push({ namespace: 'a', name: 'lonely', type: 'LoadBalancer', readyEndpoints: 0 });
    input.services.push({ namespace: 'a', name: 'internal', type: 'ClusterIP', readyEndpoints: 0 });
    expect(unusedPvcs(input, FLAT_PRICES)).toEqual([
      expect.objectContaining({ name: 'old-data', kind: 'PersistentVolumeClaim', monthly_cost: 14.6 }),
    ]);
    expect(orphanedLoadBalancers(input, FLAT_PRICES)).toEqual([
      expect.objectContaining({ name: 'lonely', kind: 'Service', monthly_cost: 14.6 }),
    ]);
  });
});

describe('binPacking', () => {
  it('counts the nodes the requests need and what the rest cost', () => {
    const input = smallCluster();
    input.nodes = ['n1', 'n2', 'n3'].map((name) => ({ name, labels: {}, cpuCores: 4, memoryBytes: 16 * GIB, gpus: 0 }));
    const result = binPacking(input, FLAT_PRICES);
    expect(result).toMatchObject({ nodes_now: 3, nodes_needed: 1, requested: { cpu_cores: 2, memory_bytes: 6 * GIB } });
    expect(result.over_provisioned_nodes).toEqual(['n2', 'n3']);
    expect(result.monthly_savings).toBeCloseTo(2 * 0.24 * 730, 4);
    for (let i = 0; i < 8; i++)
      input.pods.push(pod('d', `big-${i}`, ['Deployment', 'big'], [container('app', 1.5, 1)]));
    expect(binPacking(input, FLAT_PRICES).nodes_needed).toBe(5);
  });
});
