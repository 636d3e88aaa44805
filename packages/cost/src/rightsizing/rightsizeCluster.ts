import type { ClusterCostInput, CostContainer, CostPod } from '../inventory/costInventory.js';
import type { PriceModel } from '../pricing/priceModel.js';
import {
  type ContainerRecommendation,
  RightsizingPolicy,
  type RightsizingPolicyInput,
  recommendFromUsage,
  round4,
} from './rightsize.js';

/** A container recommendation with the cluster it is about. */
export interface ClusterContainerRecommendation extends ContainerRecommendation {
  cluster_id: string;
  cluster: string;
  /** How many pods' usage it looked at. */
  replicas: number;
}

/**
 * Rightsizes every container of every workload of a cluster. The pods of a workload share one recommendation per
 * container name (as KRR does): the usage of all replicas is pooled, the hours counted are the steps where any
 * replica reported, and cost and saving are multiplied by the number of replicas.
 */
export function rightsizeCluster(
  input: ClusterCostInput,
  prices: PriceModel,
  policyInput: RightsizingPolicyInput = {},
): ClusterContainerRecommendation[] {
  const policy = RightsizingPolicy.parse(policyInput);
  const { steps, stepSeconds } = input.window;
  const windowSteps = Math.min(steps, Math.max(1, Math.round((policy.window_hours * 3600) / stepSeconds)));
  const from = steps - windowSteps;
  const byKey = new Map<string, { pods: CostPod[]; containers: CostContainer[] }>();
  for (const pod of input.pods) {
    for (const c of pod.containers) {
      const key = `${pod.namespace}\u0000${pod.workload.kind}\u0000${pod.workload.name}\u0000${c.name}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { pods: [], containers: [] };
        byKey.set(key, entry);
      }
      entry.pods.push(pod);
      entry.containers.push(c);
    }
  }
  const nodes = new Map(input.nodes.map((n) => [n.name, n]));
  const out: ClusterContainerRecommendation[] = [];
  for (const { pods, containers } of byKey.values()) {
    const first = pods[0]!;
    const n = containers.length;
    const { cpu, memory, covered } = n === 1 ? own(containers[0]!, from, steps) : pooled(containers, from, steps);
    const node = nodes.get(first.node);
    const prices_ = prices.nodePrices(node ?? { labels: {}, cpuCores: 0, memoryBytes: 0, gpus: 0 });
    const r = recommendFromUsage(
      {
        namespace: first.namespace,
        workload: first.workload,
        pod: first.name,
        container: containers[0]!,
        cpu,
        memory,
        hours: (covered * stepSeconds) / 3600,
        prices: prices_,
      },
      policy,
    );
    out.push({
      ...r,
      cluster_id: input.clusterId,
      cluster: input.clusterName,
      replicas: n,
      current_monthly_cost: round4(r.current_monthly_cost * n),
      estimated_monthly_savings: round4(r.estimated_monthly_savings * n),
    });
  }
  return out.sort((a, b) => b.estimated_monthly_savings - a.estimated_monthly_savings);
}

const EMPTY = new Float64Array(0);

/** One container's usage over the window, without copying. */
function own(c: CostContainer, from: number, steps: number) {
  const cpu = c.cpuUsage?.subarray(from, steps) ?? EMPTY;
  const memory = c.memoryUsage?.subarray(from, steps) ?? EMPTY;
  let covered = 0;
  const n = Math.min(cpu.length, memory.length);
  for (let s = 0; s < n; s++) if (!Number.isNaN(cpu[s]!) && !Number.isNaN(memory[s]!)) covered++;
  return { cpu, memory, covered };
}

/** The replicas' usage side by side; covered = the steps where any replica reported. */
function pooled(containers: CostContainer[], from: number, steps: number) {
  const windowSteps = steps - from;
  const cpu = new Float64Array(windowSteps * containers.length).fill(Number.NaN);
  const memory = new Float64Array(windowSteps * containers.length).fill(Number.NaN);
  const any = new Uint8Array(windowSteps);
  containers.forEach((c, i) => {
    const cu = c.cpuUsage?.subarray(from, steps);
    const mu = c.memoryUsage?.subarray(from, steps);
    if (cu) cpu.set(cu, i * windowSteps);
    if (mu) memory.set(mu, i * windowSteps);
    if (cu && mu) for (let s = 0; s < windowSteps; s++) if (!Number.isNaN(cu[s]!) && !Number.isNaN(mu[s]!)) any[s] = 1;
  });
  let covered = 0;
  for (let s = 0; s < windowSteps; s++) covered += any[s]!;
  return { cpu, memory, covered };
}
