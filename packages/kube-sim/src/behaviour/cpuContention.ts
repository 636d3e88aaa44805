import { parseQuantity } from '../controllers/quantity.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ContainerUsage } from './usageModel.js';

type Json = Record<string, unknown>;

/** What one pod on a node wants and gets of the node's CPU (millicores), and the share of its CFS periods throttled. */
export interface CpuShare {
  demand: number;
  granted: number;
  throttledRatio: number;
}

/** A pod's CPU weight under contention: its requests (as the kernel's cpu.shares), at least 2m like the kubelet. */
function weightOf(pod: KubeObject): number {
  const containers = ((pod.spec as Json | undefined)?.containers as Json[] | undefined) ?? [];
  const requested = containers.reduce(
    (sum, c) =>
      sum + (parseQuantity(((c.resources as Json | undefined)?.requests as Json | undefined)?.cpu) ?? 0) * 1000,
    0,
  );
  return Math.max(2, requested);
}

/**
 * How a node's CPU is shared when its pods want more than it has: each pod gets its demand while the node has room;
 * otherwise the CPU is split by weight (requests, as CFS shares do), a pod wanting less than its share keeping its
 * demand and the rest going to the others (water-filling). A hog without a limit thus slows every co-located pod
 * that wants more than its share: their CPU is throttled and their requests take longer.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#how-pods-with-resource-limits-are-run
 */
export function cpuShares(
  pods: { pod: KubeObject; usage: ContainerUsage[] }[],
  capacityMillicores: number,
): Map<string, CpuShare> {
  const wants = pods.map(({ pod, usage }) => ({
    key: `${pod.metadata.namespace}/${pod.metadata.name}`,
    demand: usage.reduce((s, u) => s + u.cpuMillicores, 0),
    weight: weightOf(pod),
  }));
  const total = wants.reduce((s, w) => s + w.demand, 0);
  const out = new Map<string, CpuShare>();
  if (total <= capacityMillicores || capacityMillicores <= 0) {
    for (const w of wants) out.set(w.key, { demand: w.demand, granted: w.demand, throttledRatio: 0 });
    return out;
  }
  let left = capacityMillicores;
  let open = [...wants];
  while (open.length > 0) {
    const weights = open.reduce((s, w) => s + w.weight, 0);
    const satisfied = open.filter((w) => w.demand <= (left * w.weight) / weights);
    if (satisfied.length === 0) {
      for (const w of open) {
        const granted = (left * w.weight) / weights;
        out.set(w.key, { demand: w.demand, granted, throttledRatio: w.demand > 0 ? 1 - granted / w.demand : 0 });
      }
      break;
    }
    for (const w of satisfied) {
      out.set(w.key, { demand: w.demand, granted: w.demand, throttledRatio: 0 });
      left -= w.demand;
    }
    open = open.filter((w) => !satisfied.includes(w));
  }
  return out;
}

/** A node's allocatable CPU in millicores. */
export function allocatableMillicores(node: KubeObject): number {
  const allocatable = ((node.status as Json | undefined)?.allocatable as Json | undefined)?.cpu;
  return (parseQuantity(allocatable) ?? 0) * 1000;
}

/**
 * The CPU shares of every running pod at `at`, node by node ({@link cpuShares} over each node's allocatable CPU),
 * keyed `namespace/name`; with each pod's usage as the model gives it before contention.
 */
export function nodeCpuShares(
  pods: KubeObject[],
  nodes: KubeObject[],
  usageOf: (pod: KubeObject) => ContainerUsage[],
): { shares: Map<string, CpuShare>; usage: Map<string, ContainerUsage[]> } {
  const usage = new Map(pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, usageOf(p)]));
  const shares = new Map<string, CpuShare>();
  for (const node of nodes) {
    const onNode = pods.filter((p) => (p.spec as Json | undefined)?.nodeName === node.metadata.name);
    const found = cpuShares(
      onNode.map((pod) => ({ pod, usage: usage.get(`${pod.metadata.namespace}/${pod.metadata.name}`) ?? [] })),
      allocatableMillicores(node),
    );
    for (const [k, v] of found) shares.set(k, v);
  }
  return { shares, usage };
}

/** A container's usage as granted under contention: its CPU scaled by its pod's granted share. */
export function grantedUsage(usage: ContainerUsage, share: CpuShare | undefined): ContainerUsage {
  if (!share || share.throttledRatio <= 0) return usage;
  return { ...usage, cpuMillicores: usage.cpuMillicores * (1 - share.throttledRatio) };
}
