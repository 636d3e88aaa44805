import type { NewCostRecord } from '@opspilot/core';
import type { AllocationResult } from './allocate.js';

const KIND: Record<string, string> = { cluster: 'Cluster', namespace: 'Namespace', workload: 'Workload', team: 'Team' };

/**
 * The stored form of an allocation (seed 004 `cost_records`, our CostAllocation rows): one record per group and
 * bucket (default one day), `resource_type` the aggregate (`Namespace`, `Workload`, `Label:team`, `Idle`),
 * `resource_id` the group's key, the breakdown in `metadata`. Groups costing nothing in a bucket are left out.
 */
export function allocationRecords(result: AllocationResult, bucketSeconds = 86_400): NewCostRecord[] {
  const { start, stepSeconds, steps } = result.window;
  const per = Math.max(1, Math.round(bucketSeconds / stepSeconds));
  const out: NewCostRecord[] = [];
  const type = (key: string) =>
    key === '__idle__' ? 'Idle' : (KIND[result.aggregate] ?? `Label:${result.aggregate.slice('label:'.length)}`);
  for (const row of result.rows) {
    for (let from = 0; from < steps; from += per) {
      const to = Math.min(steps, from + per);
      let cost = 0;
      for (let s = from; s < to; s++) cost += row.series[s] ?? 0;
      if (cost <= 0) continue;
      const share = row.total_cost > 0 ? cost / row.total_cost : 0;
      out.push({
        cluster_id: row.cluster_id,
        resource_type: type(row.key),
        resource_id: row.key.slice(0, 255),
        ...(result.aggregate === 'namespace' && row.key !== '__idle__' ? { namespace: row.key } : {}),
        cost_amount: Math.round(cost * 10_000) / 10_000,
        currency: result.currency,
        period_start: new Date((start + from * stepSeconds) * 1000).toISOString(),
        period_end: new Date((start + to * stepSeconds) * 1000).toISOString(),
        metadata: {
          source: 'opspilot',
          aggregate: result.aggregate,
          cluster: row.cluster,
          cpu: round4(row.cpu_cost * share),
          memory: round4(row.memory_cost * share),
          gpu: round4(row.gpu_cost * share),
          pv: round4(row.pv_cost * share),
          lb: round4(row.lb_cost * share),
          idle: round4(row.shared_idle_cost * share),
        },
      });
    }
  }
  return out;
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
