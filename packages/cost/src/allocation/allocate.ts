import { z } from 'zod';
import type { ClusterCostInput, CostPod, CostWindow } from '../inventory/costInventory.js';
import type { NodePrices, PriceModel } from '../pricing/priceModel.js';

const GIB = 2 ** 30;

/** How costs are grouped: by cluster, namespace, workload (`namespace/Kind/name`), a pod label, or team. */
export const AllocationAggregate = z.union([
  z.enum(['cluster', 'namespace', 'workload', 'team']),
  z.string().regex(/^label:[^\s=]+$/, 'must be label:<key>'),
]);
export type AllocationAggregate = z.infer<typeof AllocationAggregate>;

/** How the idle cost (allocatable not allocated) is treated: kept apart, or shared over the groups. */
export const IdleSharing = z.enum(['none', 'weighted', 'even']);
export type IdleSharing = z.infer<typeof IdleSharing>;

export interface AllocationOptions {
  aggregate: AllocationAggregate;
  /** Default `none`: idle cost is its own row `__idle__`. */
  shareIdle?: IdleSharing;
  /** Pod label naming the team (default `team`). */
  teamLabel?: string;
}

/** The cost of one group over the window. */
export interface AllocationRow {
  cluster_id: string;
  cluster: string;
  aggregate: string;
  key: string;
  cpu_cost: number;
  memory_cost: number;
  gpu_cost: number;
  pv_cost: number;
  lb_cost: number;
  /** This group's share of idle cost (0 unless idle is shared). */
  shared_idle_cost: number;
  total_cost: number;
  cpu_core_hours: number;
  memory_gib_hours: number;
  /** Total cost per step of the window (including shared idle). */
  series: number[];
}

export interface AllocationResult {
  window: CostWindow;
  aggregate: string;
  currency: string;
  rows: AllocationRow[];
  /** Idle cost per cluster (allocatable capacity nobody was allocated), whether shared or not. */
  idle: { cluster_id: string; cluster: string; total_cost: number; series: number[] }[];
}

/** The key `__idle__` of the idle row, `__unallocated__` of pods without the label grouped by. */
export const IDLE_KEY = '__idle__';
export const UNALLOCATED_KEY = '__unallocated__';

function groupKey(pod: CostPod, cluster: string, options: AllocationOptions): string {
  const a = options.aggregate;
  if (a === 'cluster') return cluster;
  if (a === 'namespace') return pod.namespace;
  if (a === 'workload') return `${pod.namespace}/${pod.workload.kind}/${pod.workload.name}`;
  const label = a === 'team' ? (options.teamLabel ?? 'team') : a.slice('label:'.length);
  return pod.labels[label] ?? UNALLOCATED_KEY;
}

interface Acc {
  row: AllocationRow;
  series: Float64Array;
}

function presence(pod: CostPod, steps: number): Uint8Array | undefined {
  if (pod.present) return pod.present;
  let any = false;
  const p = new Uint8Array(steps);
  for (const c of pod.containers) {
    for (const u of [c.cpuUsage, c.memoryUsage]) {
      if (!u) continue;
      any = true;
      for (let s = 0; s < steps; s++) if (!Number.isNaN(u[s]!)) p[s] = 1;
    }
  }
  return any ? p : undefined;
}

/**
 * Allocates one cluster's cost over a window the OpenCost way: each pod step costs max(request, usage) of CPU and
 * memory, GPUs by request, at its node's unit prices; each PersistentVolumeClaim its requested size (split evenly
 * over the pods mounting it, else charged to its namespace); each LoadBalancer Service its hourly price. What a node
 * costs beyond what its pods were allocated is idle cost, kept apart or shared by `shareIdle`.
 * @see https://www.opencost.io/docs/specification
 */
export function allocateCluster(
  input: ClusterCostInput,
  prices: PriceModel,
  options: AllocationOptions,
): AllocationResult {
  const { window } = input;
  const steps = window.steps;
  const h = window.stepSeconds / 3600;
  const groups = new Map<string, Acc>();
  const group = (key: string): Acc => {
    let acc = groups.get(key);
    if (!acc) {
      acc = {
        row: {
          cluster_id: input.clusterId,
          cluster: input.clusterName,
          aggregate: options.aggregate,
          key,
          cpu_cost: 0,
          memory_cost: 0,
          gpu_cost: 0,
          pv_cost: 0,
          lb_cost: 0,
          shared_idle_cost: 0,
          total_cost: 0,
          cpu_core_hours: 0,
          memory_gib_hours: 0,
          series: [],
        },
        series: new Float64Array(steps),
      };
      groups.set(key, acc);
    }
    return acc;
  };
  const nodePrices = new Map<string, NodePrices>();
  const nodeAllocated = new Map<string, Float64Array>();
  for (const n of input.nodes) {
    nodePrices.set(n.name, prices.nodePrices(n));
    nodeAllocated.set(n.name, new Float64Array(steps));
  }
  const fallback = prices.nodePrices({ labels: {}, cpuCores: 0, memoryBytes: 0, gpus: 0 });
  const mounts = new Map<string, number>();
  for (const pod of input.pods)
    for (const c of pod.pvcs) mounts.set(`${pod.namespace}/${c}`, (mounts.get(`${pod.namespace}/${c}`) ?? 0) + 1);
  const pvcByKey = new Map(input.pvcs.map((p) => [`${p.namespace}/${p.name}`, p]));

  for (const pod of input.pods) {
    const acc = group(groupKey(pod, input.clusterName, options));
    const row = acc.row;
    const series = acc.series;
    const p = nodePrices.get(pod.node) ?? fallback;
    const allocated = nodeAllocated.get(pod.node);
    const present = presence(pod, steps);
    const cpuPrice = p.cpuCoreHour * h;
    const memPrice = (p.memoryGibHour * h) / GIB;
    let gpus = 0;
    for (const c of pod.containers) gpus += c.gpuRequest;
    const gpuStep = gpus * p.gpuHour * h;
    let pvStep = 0;
    for (const name of pod.pvcs) {
      const pvc = pvcByKey.get(`${pod.namespace}/${name}`);
      if (pvc)
        pvStep +=
          ((pvc.sizeBytes / GIB) * prices.storageGibHour(pvc.storageClass) * h) /
          (mounts.get(`${pod.namespace}/${name}`) ?? 1);
    }
    let cpuSum = 0;
    let memSum = 0;
    let stepsPresent = 0;
    for (let s = 0; s < steps; s++) {
      if (present && present[s] === 0) continue;
      stepsPresent++;
      let cpu = 0;
      let mem = 0;
      for (const c of pod.containers) {
        const u = c.cpuUsage ? c.cpuUsage[s]! : Number.NaN;
        // Not Math.max: a missing sample (NaN) counts as the request.
        // biome-ignore lint/complexity/useMathMinMax: NaN must fall back to the request
        cpu += u > c.cpuRequest ? u : c.cpuRequest;
        const m = c.memoryUsage ? c.memoryUsage[s]! : Number.NaN;
        // biome-ignore lint/complexity/useMathMinMax: NaN must fall back to the request
        mem += m > c.memoryRequest ? m : c.memoryRequest;
      }
      cpuSum += cpu;
      memSum += mem;
      const compute = cpu * cpuPrice + mem * memPrice + gpuStep;
      series[s]! += compute + pvStep;
      if (allocated) allocated[s]! += compute;
    }
    row.cpu_core_hours += cpuSum * h;
    row.memory_gib_hours += (memSum * h) / GIB;
    row.cpu_cost += cpuSum * cpuPrice;
    row.memory_cost += memSum * memPrice;
    row.gpu_cost += gpuStep * stepsPresent;
    row.pv_cost += pvStep * stepsPresent;
  }

  // Claims no pod mounts still cost their size: charged to their namespace's unmounted group.
  for (const pvc of input.pvcs) {
    if (mounts.has(`${pvc.namespace}/${pvc.name}`)) continue;
    const key =
      options.aggregate === 'namespace'
        ? pvc.namespace
        : options.aggregate === 'cluster'
          ? input.clusterName
          : options.aggregate === 'workload'
            ? `${pvc.namespace}/PersistentVolumeClaim/${pvc.name}`
            : UNALLOCATED_KEY;
    const acc = group(key);
    const step = (pvc.sizeBytes / GIB) * prices.storageGibHour(pvc.storageClass) * h;
    acc.row.pv_cost += step * steps;
    for (let s = 0; s < steps; s++) acc.series[s]! += step;
  }
  for (const svc of input.services) {
    if (svc.type !== 'LoadBalancer') continue;
    const key =
      options.aggregate === 'namespace'
        ? svc.namespace
        : options.aggregate === 'cluster'
          ? input.clusterName
          : options.aggregate === 'workload'
            ? `${svc.namespace}/Service/${svc.name}`
            : UNALLOCATED_KEY;
    const acc = group(key);
    const step = prices.loadBalancerHour * h;
    acc.row.lb_cost += step * steps;
    for (let s = 0; s < steps; s++) acc.series[s]! += step;
  }

  const idleSeries = new Float64Array(steps);
  for (const n of input.nodes) {
    const hourly = prices.nodeHourly(n) * h;
    const allocated = nodeAllocated.get(n.name)!;
    for (let s = 0; s < steps; s++) {
      const idle = hourly - allocated[s]!;
      if (idle > 0) idleSeries[s]! += idle;
    }
  }
  const idleTotal = sum(idleSeries);
  shareIdle(groups, idleSeries, options.shareIdle ?? 'none', group);

  const rows = [...groups.values()].map(({ row, series }) => {
    row.total_cost = row.cpu_cost + row.memory_cost + row.gpu_cost + row.pv_cost + row.lb_cost + row.shared_idle_cost;
    row.series = Array.from(series);
    return row;
  });
  rows.sort((a, b) => b.total_cost - a.total_cost || a.key.localeCompare(b.key));
  return {
    window,
    aggregate: options.aggregate,
    currency: prices.currency,
    rows,
    idle: [
      {
        cluster_id: input.clusterId,
        cluster: input.clusterName,
        total_cost: idleTotal,
        series: Array.from(idleSeries),
      },
    ],
  };
}

function shareIdle(groups: Map<string, Acc>, idle: Float64Array, rule: IdleSharing, group: (key: string) => Acc): void {
  const steps = idle.length;
  if (rule === 'none') {
    const acc = group(IDLE_KEY);
    for (let s = 0; s < steps; s++) acc.series[s]! += idle[s]!;
    acc.row.shared_idle_cost = sum(idle);
    return;
  }
  const accs = [...groups.values()];
  if (accs.length === 0) return;
  for (let s = 0; s < steps; s++) {
    const total = rule === 'weighted' ? accs.reduce((t, a) => t + a.series[s]!, 0) : 0;
    for (const a of accs) {
      const share = rule === 'even' || total === 0 ? idle[s]! / accs.length : (idle[s]! * a.series[s]!) / total;
      a.series[s]! += share;
      a.row.shared_idle_cost += share;
    }
  }
}

function sum(a: Float64Array): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i]!;
  return t;
}

/**
 * Allocates several clusters over the same window and lists all rows together (each row names its cluster),
 * most expensive first.
 */
export function allocateFleet(
  inputs: readonly ClusterCostInput[],
  prices: PriceModel,
  options: AllocationOptions,
): AllocationResult {
  const results = inputs.map((i) => allocateCluster(i, prices, options));
  const window = inputs[0]?.window ?? { start: 0, stepSeconds: 3600, steps: 0 };
  return {
    window,
    aggregate: options.aggregate,
    currency: prices.currency,
    rows: results.flatMap((r) => r.rows).sort((a, b) => b.total_cost - a.total_cost || a.key.localeCompare(b.key)),
    idle: results.flatMap((r) => r.idle),
  };
}
