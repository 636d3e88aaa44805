import type { ClusterCostInput, CostPod } from '../inventory/costInventory.js';
import { HOURS_PER_MONTH } from '../pricing/defaultPrices.js';
import type { PriceModel } from '../pricing/priceModel.js';

const GIB = 2 ** 30;

/** A workload that did nothing for the whole look-back: no CPU to speak of and no requests served. */
export interface IdleWorkload {
  cluster_id: string;
  namespace: string;
  workload: { kind: string; name: string };
  replicas: number;
  /** Highest CPU any replica used over the look-back, cores. */
  max_cpu_cores: number;
  days: number;
  monthly_cost: number;
}

export interface IdleOptions {
  /** Look-back in days (default 7). */
  days?: number;
  /** Below this CPU (cores) a replica counts as idle (default 0.005 = 5m). */
  cpuThreshold?: number;
  /** Requests per second per workload (`namespace/Kind/name`) over the window's steps, where known. */
  requestRates?: ReadonlyMap<string, Float64Array>;
}

/**
 * Workloads idle for `days`: every replica's CPU stayed under `cpuThreshold` and (where request rates are known) no
 * request was served, over a look-back fully covered by data. Their whole requested cost is the saving of scaling
 * them to zero.
 */
export function idleWorkloads(input: ClusterCostInput, prices: PriceModel, options: IdleOptions = {}): IdleWorkload[] {
  const days = options.days ?? 7;
  const threshold = options.cpuThreshold ?? 0.005;
  const { steps, stepSeconds } = input.window;
  const need = Math.round((days * 86_400) / stepSeconds);
  if (need > steps) return [];
  const from = steps - need;
  const groups = new Map<string, CostPod[]>();
  for (const pod of input.pods) {
    const key = `${pod.namespace}/${pod.workload.kind}/${pod.workload.name}`;
    groups.set(key, [...(groups.get(key) ?? []), pod]);
  }
  const nodes = new Map(input.nodes.map((n) => [n.name, n]));
  const out: IdleWorkload[] = [];
  for (const [key, pods] of groups) {
    let max = 0;
    let covered = true;
    for (const pod of pods) {
      for (const c of pod.containers) {
        const u = c.cpuUsage;
        if (!u) {
          covered = false;
          continue;
        }
        let seen = 0;
        for (let s = from; s < steps; s++) {
          const v = u[s]!;
          if (!Number.isNaN(v)) {
            seen++;
            if (v > max) max = v;
          }
        }
        if (seen < need * 0.9) covered = false;
      }
    }
    if (!covered || max >= threshold) continue;
    const rate = options.requestRates?.get(key);
    if (rate?.subarray(from).some((r) => r > 0)) continue;
    let monthly = 0;
    for (const pod of pods) {
      const n = nodes.get(pod.node);
      const p = prices.nodePrices(n ?? { labels: {}, cpuCores: 0, memoryBytes: 0, gpus: 0 });
      for (const c of pod.containers) {
        monthly +=
          (c.cpuRequest * p.cpuCoreHour + (c.memoryRequest / GIB) * p.memoryGibHour + c.gpuRequest * p.gpuHour) *
          HOURS_PER_MONTH;
      }
    }
    const first = pods[0]!;
    out.push({
      cluster_id: input.clusterId,
      namespace: first.namespace,
      workload: first.workload,
      replicas: pods.length,
      max_cpu_cores: max,
      days,
      monthly_cost: Math.round(monthly * 10_000) / 10_000,
    });
  }
  return out.sort((a, b) => b.monthly_cost - a.monthly_cost);
}
