import type { NewCostRecommendation } from '@opspilot/core';
import { type ContainerResources, fmtCpu, fmtMemory, round4 } from '../rightsizing/rightsize.js';
import type { ClusterContainerRecommendation } from '../rightsizing/rightsizeCluster.js';
import type { BinPackingResult } from '../waste/binPacking.js';
import type { IdleWorkload } from '../waste/idleWorkloads.js';
import type { UnusedResource } from '../waste/unusedResources.js';

/** Kubernetes quantities of a container's resources, as a `resources:` block. */
export function resourcesBlock(r: ContainerResources): {
  requests: Record<string, string>;
  limits: Record<string, string>;
} {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (r.cpu_request !== undefined) requests.cpu = fmtCpu(r.cpu_request);
  if (r.memory_request !== undefined) requests.memory = fmtMemory(r.memory_request);
  if (r.cpu_limit !== undefined) limits.cpu = fmtCpu(r.cpu_limit);
  if (r.memory_limit !== undefined) limits.memory = fmtMemory(r.memory_limit);
  return { requests, limits };
}

/**
 * The stored form of a rightsizing recommendation: `proposed_change` holds the container, the new `resources`,
 * whether the CPU limit goes, and the `current` resources it was computed against (so applying it is refused when
 * the container changed since).
 */
export function rightsizeRecord(r: ClusterContainerRecommendation): NewCostRecommendation {
  const recommended = r.recommended ?? {};
  return {
    cluster_id: r.cluster_id,
    type: 'RIGHTSIZE',
    resource: { kind: r.workload.kind, namespace: r.namespace, name: r.workload.name },
    description: `${r.workload.name}/${r.container}: requests ${describe(r.current)} → ${describe(recommended)} (${r.reason}; ${Math.round(r.history_hours)} h of history, ${r.replicas} replica${r.replicas === 1 ? '' : 's'})`,
    current_monthly_cost: r.current_monthly_cost,
    estimated_monthly_savings: Math.min(r.estimated_monthly_savings, r.current_monthly_cost),
    proposed_change: {
      container: r.container,
      resources: resourcesBlock(recommended),
      remove_cpu_limit: r.current.cpu_limit !== undefined && recommended.cpu_limit === undefined,
      current: { ...r.current },
      history_hours: r.history_hours,
      cpu_p95: r.cpu_p95 ?? null,
      memory_max: r.memory_max ?? null,
    },
    confidence: round4(r.confidence),
  };
}

function describe(r: ContainerResources): string {
  const b = resourcesBlock(r);
  const req = `cpu ${b.requests.cpu ?? 'none'}, memory ${b.requests.memory ?? 'none'}`;
  const lim = Object.entries(b.limits).map(([k, v]) => `${k} ${v}`);
  return lim.length ? `${req}; limits ${lim.join(', ')}` : req;
}

/** An idle workload as an IDLE_RESOURCE recommendation (scale to zero). */
export function idleRecord(w: IdleWorkload): NewCostRecommendation {
  return {
    cluster_id: w.cluster_id,
    type: 'IDLE_RESOURCE',
    resource: { kind: w.workload.kind, namespace: w.namespace, name: w.workload.name },
    description: `${w.workload.name} used at most ${fmtCpu(w.max_cpu_cores)} CPU and served no requests for ${w.days} days: scale it to zero or remove it`,
    current_monthly_cost: w.monthly_cost,
    estimated_monthly_savings: w.monthly_cost,
    proposed_change: { replicas: 0 },
    confidence: 0.9,
  };
}

/** An unused claim (STORAGE) or orphaned LoadBalancer (IDLE_RESOURCE). */
export function unusedRecord(u: UnusedResource): NewCostRecommendation {
  return {
    cluster_id: u.cluster_id,
    type: u.kind === 'PersistentVolumeClaim' ? 'STORAGE' : 'IDLE_RESOURCE',
    resource: { kind: u.kind, namespace: u.namespace, name: u.name },
    description: `${u.kind} ${u.namespace}/${u.name}: ${u.reason}; delete it if nothing needs it`,
    current_monthly_cost: u.monthly_cost,
    estimated_monthly_savings: u.monthly_cost,
    proposed_change: { delete: true },
    confidence: 0.7,
  };
}

/** Nodes the requests do not need, as an IDLE_RESOURCE recommendation about the cluster's nodes. */
export function binPackingRecord(b: BinPackingResult): NewCostRecommendation | undefined {
  if (b.nodes_needed >= b.nodes_now) return undefined;
  return {
    cluster_id: b.cluster_id,
    type: 'IDLE_RESOURCE',
    resource: { kind: 'Node', name: `${b.nodes_now - b.nodes_needed} of ${b.nodes_now} nodes` },
    description: `the pods' requests fit on ${b.nodes_needed} of the ${b.nodes_now} nodes (bin-packing with 10 % headroom); over-provisioned: ${b.over_provisioned_nodes.join(', ') || 'none'}`,
    estimated_monthly_savings: b.monthly_savings,
    proposed_change: { nodes: b.nodes_needed, over_provisioned: b.over_provisioned_nodes },
    confidence: 0.6,
  };
}
