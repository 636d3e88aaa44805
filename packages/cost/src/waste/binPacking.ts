import type { ClusterCostInput } from '../inventory/costInventory.js';
import { HOURS_PER_MONTH } from '../pricing/defaultPrices.js';
import type { PriceModel } from '../pricing/priceModel.js';

/** How many nodes the cluster's requests need, against how many it has. */
export interface BinPackingResult {
  cluster_id: string;
  nodes_now: number;
  /** Nodes of the common shape first-fit-decreasing packing needs for every pod's requests. */
  nodes_needed: number;
  node_shape: { cpu_cores: number; memory_bytes: number };
  requested: { cpu_cores: number; memory_bytes: number };
  allocatable: { cpu_cores: number; memory_bytes: number };
  /** Nodes whose pods request under half of both their CPU and memory. */
  over_provisioned_nodes: string[];
  /** What removing the nodes not needed would save per month (average node price). */
  monthly_savings: number;
}

/**
 * Bin-packing of the cluster's pod requests (CPU and memory, first-fit decreasing by the larger share) into nodes
 * of the cluster's most common allocatable shape, keeping `headroom` (default 10 %) of each node free. DaemonSet
 * pods are counted once per node, not packed.
 */
export function binPacking(input: ClusterCostInput, prices: PriceModel, headroom = 0.1): BinPackingResult {
  const nodes = input.nodes.filter((n) => !n.unschedulable);
  const shapes = new Map<string, { cpu: number; mem: number; count: number }>();
  for (const n of nodes) {
    const key = `${n.cpuCores}/${n.memoryBytes}`;
    const s = shapes.get(key) ?? { cpu: n.cpuCores, mem: n.memoryBytes, count: 0 };
    s.count++;
    shapes.set(key, s);
  }
  const shape = [...shapes.values()].sort((a, b) => b.count - a.count || b.cpu - a.cpu)[0] ?? {
    cpu: 0,
    mem: 0,
    count: 0,
  };
  const capCpu = shape.cpu * (1 - headroom);
  const capMem = shape.mem * (1 - headroom);
  let daemonCpu = 0;
  let daemonMem = 0;
  const daemonSets = new Set<string>();
  const items: { cpu: number; mem: number }[] = [];
  const perNode = new Map<string, { cpu: number; mem: number }>();
  let reqCpu = 0;
  let reqMem = 0;
  for (const pod of input.pods) {
    let cpu = 0;
    let mem = 0;
    for (const c of pod.containers) {
      cpu += c.cpuRequest;
      mem += c.memoryRequest;
    }
    reqCpu += cpu;
    reqMem += mem;
    const used = perNode.get(pod.node) ?? { cpu: 0, mem: 0 };
    used.cpu += cpu;
    used.mem += mem;
    perNode.set(pod.node, used);
    if (pod.workload.kind === 'DaemonSet') {
      const key = `${pod.namespace}/${pod.workload.name}`;
      if (!daemonSets.has(key)) {
        daemonSets.add(key);
        daemonCpu += cpu;
        daemonMem += mem;
      }
      continue;
    }
    items.push({ cpu, mem });
  }
  const bins: { cpu: number; mem: number }[] = [];
  if (capCpu > 0 && capMem > 0) {
    items.sort((a, b) => Math.max(b.cpu / capCpu, b.mem / capMem) - Math.max(a.cpu / capCpu, a.mem / capMem));
    for (const it of items) {
      const bin = bins.find((b) => b.cpu + it.cpu <= capCpu && b.mem + it.mem <= capMem);
      if (bin) {
        bin.cpu += it.cpu;
        bin.mem += it.mem;
      } else bins.push({ cpu: daemonCpu + it.cpu, mem: daemonMem + it.mem });
    }
  }
  const needed = Math.max(items.length > 0 ? 1 : 0, bins.length);
  const totalHourly = nodes.reduce((t, n) => t + prices.nodeHourly(n), 0);
  const avgHourly = nodes.length ? totalHourly / nodes.length : 0;
  return {
    cluster_id: input.clusterId,
    nodes_now: nodes.length,
    nodes_needed: needed,
    node_shape: { cpu_cores: shape.cpu, memory_bytes: shape.mem },
    requested: { cpu_cores: reqCpu, memory_bytes: reqMem },
    allocatable: {
      cpu_cores: nodes.reduce((t, n) => t + n.cpuCores, 0),
      memory_bytes: nodes.reduce((t, n) => t + n.memoryBytes, 0),
    },
    over_provisioned_nodes: nodes
      .filter((n) => {
        const u = perNode.get(n.name) ?? { cpu: 0, mem: 0 };
        return u.cpu < n.cpuCores * 0.5 && u.mem < n.memoryBytes * 0.5;
      })
      .map((n) => n.name),
    monthly_savings: Math.round(Math.max(0, nodes.length - needed) * avgHourly * HOURS_PER_MONTH * 10_000) / 10_000,
  };
}
