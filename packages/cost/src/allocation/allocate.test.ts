import { describe, expect, it } from 'vitest';
import { FLAT_PRICES, smallCluster } from '../__fixtures__/smallCluster.js';
import { allocateCluster, allocateFleet, IDLE_KEY } from './allocate.js';
import { allocationRecords } from './allocationRecords.js';

const byKey = (rows: { key: string; total_cost: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, Math.round(r.total_cost * 1e6) / 1e6]));

describe('allocateCluster', () => {
  it('charges max(request, usage) per pod step, claims by size, LoadBalancers by the hour, idle apart', () => {
    const result = allocateCluster(smallCluster(), FLAT_PRICES, { aggregate: 'namespace' });
    expect(byKey(result.rows)).toEqual({ a: 1.8, b: 2.16, [IDLE_KEY]: 2.52 });
    const a = result.rows.find((r) => r.key === 'a')!;
    expect(a.cpu_cost).toBeCloseTo((0.5 + 1) * 0.04 * 24, 10);
    expect(a.memory_cost).toBeCloseTo((2 + 1) * 0.005 * 24, 10);
    expect(a.cpu_core_hours).toBeCloseTo(36, 10);
    const b = result.rows.find((r) => r.key === 'b')!;
    expect(b.pv_cost).toBeCloseTo(0.24, 10);
    expect(b.lb_cost).toBeCloseTo(0.48, 10);
    expect(b.series).toHaveLength(24);
    expect(b.series[5]).toBeCloseTo(0.09, 10);
    expect(result.idle[0]!.total_cost).toBeCloseTo(2.52, 10);
  });

  it('groups by workload, team and label', () => {
    expect(byKey(allocateCluster(smallCluster(), FLAT_PRICES, { aggregate: 'workload' }).rows)).toMatchObject({
      'a/Deployment/web': 1.8,
      'b/StatefulSet/db': 1.68,
      'b/Service/public': 0.48,
    });
    expect(byKey(allocateCluster(smallCluster(), FLAT_PRICES, { aggregate: 'team' }).rows)).toMatchObject({
      red: 1.8,
      blue: 1.68,
    });
    expect(byKey(allocateCluster(smallCluster(), FLAT_PRICES, { aggregate: 'label:team' }).rows)).toMatchObject({
      red: 1.8,
      __unallocated__: 0.48,
    });
  });

  it('shares idle cost by weight or evenly, keeping the total', () => {
    const weighted = allocateCluster(smallCluster(), FLAT_PRICES, { aggregate: 'namespace', shareIdle: 'weighted' });
    const w = byKey(weighted.rows);
    expect(w[IDLE_KEY]).toBeUndefined();
    expect(w.a! + w.b!).toBeCloseTo(6.48, 5);
    expect(w.a).toBeCloseTo(1.8 + (2.52 * 0.075) / 0.165, 5);
    const even = byKey(
      allocateCluster(smallCluster(), FLAT_PRICES, { aggregate: 'namespace', shareIdle: 'even' }).rows,
    );
    expect(even.a).toBeCloseTo(1.8 + 1.26, 5);
  });

  it('charges a pod only for the steps it existed', () => {
    const input = smallCluster();
    input.pods[0]!.containers[0]!.cpuUsage!.fill(Number.NaN, 12);
    input.pods[0]!.containers[0]!.memoryUsage!.fill(Number.NaN, 12);
    const a = allocateCluster(input, FLAT_PRICES, { aggregate: 'namespace' }).rows.find((r) => r.key === 'a')!;
    expect(a.total_cost).toBeCloseTo(0.03 * 12 + 0.045 * 24, 10);
  });

  it('lists several clusters together and stores rows per day', () => {
    const other = { ...smallCluster(48), clusterId: '00000000-0000-4000-8000-000000000002', clusterName: 'other' };
    const fleet = allocateFleet([smallCluster(48), other], FLAT_PRICES, { aggregate: 'cluster' });
    expect(byKey(fleet.rows)).toMatchObject({ small: 3.96 * 2, other: 3.96 * 2 });
    const records = allocationRecords(fleet);
    expect(records.filter((r) => r.resource_type === 'Cluster')).toHaveLength(4);
    expect(records[0]).toMatchObject({ cost_amount: 3.96, currency: 'USD', metadata: { aggregate: 'cluster' } });
  });
});
