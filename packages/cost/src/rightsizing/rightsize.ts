import { z } from 'zod';
import type { CostContainer, CostPod } from '../inventory/costInventory.js';
import { HOURS_PER_MONTH } from '../pricing/defaultPrices.js';
import type { NodePrices } from '../pricing/priceModel.js';
import { percentileBySelection } from './percentile.js';

const GIB = 2 ** 30;
const MI = 2 ** 20;

/**
 * The rightsizing policy, KRR's "simple" strategy by default: CPU request = p95 of usage, no CPU limit; memory
 * request = limit = max usage + 15 %; never below the minimums; only with enough history.
 * @see https://github.com/robusta-dev/krr#algorithm
 */
export const RightsizingPolicy = z.object({
  cpu_percentile: z.number().min(1).max(100).default(95),
  memory_buffer_percent: z.number().min(0).max(200).default(15),
  /** Smallest CPU request recommended, cores (KRR: 10m). */
  min_cpu_cores: z.number().min(0).default(0.01),
  /** Smallest memory recommended, bytes (KRR: 100Mi). */
  min_memory_bytes: z
    .number()
    .min(0)
    .default(100 * MI),
  /** Set a CPU limit of this many times the request; off by default (a CPU limit throttles). */
  cpu_limit_ratio: z.number().min(1).optional(),
  /** History the recommendation looks at. */
  window_hours: z
    .number()
    .positive()
    .default(14 * 24),
  /** History needed before recommending anything. */
  min_history_hours: z.number().positive().default(24),
  /** Changes smaller than this share of the current request are not worth a rollout. */
  min_change_percent: z.number().min(0).max(100).default(10),
});
export type RightsizingPolicy = z.infer<typeof RightsizingPolicy>;
export type RightsizingPolicyInput = z.input<typeof RightsizingPolicy>;

/** Requests and limits of one container, in cores and bytes (undefined: not set). */
export interface ContainerResources {
  cpu_request?: number;
  cpu_limit?: number;
  memory_request?: number;
  memory_limit?: number;
}

/** The outcome for one container: a recommendation, or why there is none. */
export interface ContainerRecommendation {
  namespace: string;
  workload: { kind: string; name: string };
  container: string;
  pod: string;
  status: 'RECOMMENDED' | 'NO_CHANGE' | 'NOT_ENOUGH_DATA';
  /** Why, in words: the rule applied, or `not enough data (N hours of M)`. */
  reason: string;
  current: ContainerResources;
  recommended?: ContainerResources;
  /** Hours of history seen, and what the usage was. */
  history_hours: number;
  cpu_p95?: number;
  memory_max?: number;
  /** Share of the window covered by data (0 to 1). */
  confidence: number;
  current_monthly_cost: number;
  estimated_monthly_savings: number;
}

/** Usage history of one container, aligned on a step. */
export interface ContainerHistory {
  pod: CostPod;
  container: CostContainer;
  stepSeconds: number;
  prices: NodePrices;
}

function monthlyCost(r: ContainerResources, prices: NodePrices): number {
  return (
    ((r.cpu_request ?? 0) * prices.cpuCoreHour + ((r.memory_request ?? 0) / GIB) * prices.memoryGibHour) *
    HOURS_PER_MONTH
  );
}

/** Rounds cores up to the millicore and bytes up to the MiB, so the numbers read as Kubernetes quantities. */
function roundCpu(cores: number): number {
  return Math.ceil(cores * 1000 - 1e-9) / 1000;
}
function roundMemory(bytes: number): number {
  return Math.ceil(bytes / MI - 1e-9) * MI;
}

/** What {@link recommendFromUsage} needs: the container's identity, current resources and usage samples. */
export interface UsageSamples {
  namespace: string;
  workload: { kind: string; name: string };
  pod: string;
  container: CostContainer;
  /** CPU cores and working-set bytes samples (NaN: none); their order does not matter. */
  cpu: Float64Array;
  memory: Float64Array;
  /** Hours of history the samples cover. */
  hours: number;
  prices: NodePrices;
}

/** The requests and limits a container has now. */
export function currentResources(container: CostContainer): ContainerResources {
  return {
    ...(container.cpuRequest > 0 ? { cpu_request: container.cpuRequest } : {}),
    ...(container.cpuLimit !== undefined ? { cpu_limit: container.cpuLimit } : {}),
    ...(container.memoryRequest > 0 ? { memory_request: container.memoryRequest } : {}),
    ...(container.memoryLimit !== undefined ? { memory_limit: container.memoryLimit } : {}),
  };
}

/**
 * KRR-style recommendation for one container from its usage history: CPU request = the `cpu_percentile` of usage
 * (no CPU limit unless the policy asks for one), memory request = limit = max usage + `memory_buffer_percent`, each
 * at least the minimum. With less than `min_history_hours` of data it answers NOT_ENOUGH_DATA, saying how much there
 * is. The monthly saving prices the difference in requests at the node's unit prices (never negative: a container
 * under-requested gets a recommendation that costs more, saving 0).
 */
export function recommendFromUsage(u: UsageSamples, policy: RightsizingPolicy): ContainerRecommendation {
  const current = currentResources(u.container);
  const currentCost = monthlyCost(current, u.prices);
  const base = {
    namespace: u.namespace,
    workload: u.workload,
    container: u.container.name,
    pod: u.pod,
    current,
    current_monthly_cost: round4(currentCost),
    history_hours: u.hours,
    confidence: Math.min(1, u.hours / policy.window_hours),
  };
  if (u.hours < policy.min_history_hours) {
    return {
      ...base,
      status: 'NOT_ENOUGH_DATA',
      reason: `not enough data (${fmtHours(u.hours)} hours of ${fmtHours(policy.min_history_hours)})`,
      estimated_monthly_savings: 0,
    };
  }
  const cpuP = percentileBySelection(u.cpu, policy.cpu_percentile);
  let memMax = 0;
  for (let i = 0; i < u.memory.length; i++) if (u.memory[i]! > memMax) memMax = u.memory[i]!;
  const cpuRequest = roundCpu(Math.max(policy.min_cpu_cores, cpuP));
  const memory = roundMemory(Math.max(policy.min_memory_bytes, memMax * (1 + policy.memory_buffer_percent / 100)));
  const recommended: ContainerResources = {
    cpu_request: cpuRequest,
    ...(policy.cpu_limit_ratio ? { cpu_limit: roundCpu(cpuRequest * policy.cpu_limit_ratio) } : {}),
    memory_request: memory,
    memory_limit: memory,
  };
  const changed =
    relChange(current.cpu_request, cpuRequest) >= policy.min_change_percent ||
    relChange(current.memory_request, memory) >= policy.min_change_percent ||
    relChange(current.memory_limit, memory) >= policy.min_change_percent ||
    (current.cpu_limit !== undefined) !== (recommended.cpu_limit !== undefined);
  const saving = Math.max(0, currentCost - monthlyCost(recommended, u.prices));
  return {
    ...base,
    status: changed ? 'RECOMMENDED' : 'NO_CHANGE',
    reason: `CPU request = p${policy.cpu_percentile} of usage (${fmtCpu(cpuP)})${policy.cpu_limit_ratio ? '' : ', no CPU limit'}; memory request = limit = max (${fmtMemory(memMax)}) + ${policy.memory_buffer_percent} %`,
    recommended,
    cpu_p95: cpuP,
    memory_max: memMax,
    estimated_monthly_savings: round4(saving),
  };
}

/** {@link recommendFromUsage} for one container's own history, limited to the policy's window. */
export function rightsizeContainer(
  history: ContainerHistory,
  policyInput: RightsizingPolicyInput | RightsizingPolicy = {},
): ContainerRecommendation {
  const policy = RightsizingPolicy.parse(policyInput);
  const { pod, container, stepSeconds, prices } = history;
  const maxSteps = Math.max(1, Math.round((policy.window_hours * 3600) / stepSeconds));
  const last = (a: Float64Array | undefined) =>
    !a ? new Float64Array(0) : a.length > maxSteps ? a.subarray(a.length - maxSteps) : a;
  const cpu = last(container.cpuUsage);
  const memory = last(container.memoryUsage);
  let samples = 0;
  for (let i = 0; i < Math.min(cpu.length, memory.length); i++)
    if (!Number.isNaN(cpu[i]!) && !Number.isNaN(memory[i]!)) samples++;
  return recommendFromUsage(
    {
      namespace: pod.namespace,
      workload: pod.workload,
      pod: pod.name,
      container,
      cpu,
      memory,
      hours: (samples * stepSeconds) / 3600,
      prices,
    },
    policy,
  );
}

function relChange(from: number | undefined, to: number): number {
  if (from === undefined || from === 0) return 100;
  return (Math.abs(to - from) / from) * 100;
}

/** Rounds to the 4 decimals money is stored with. */
export function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function fmtHours(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}

/** `0.25` → `250m`. */
export function fmtCpu(cores: number): string {
  return `${Math.round(cores * 1000)}m`;
}

/** Bytes → `256Mi` (whole MiB). */
export function fmtMemory(bytes: number): string {
  return `${Math.ceil(bytes / MI - 1e-9)}Mi`;
}
