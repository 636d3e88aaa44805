import { type LabelSelector, matchesSelector } from '../exec/labelSelector.js';
import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;

/**
 * How long an eviction's entry in `status.disruptedPods` keeps the pod out of `currentHealthy` (the disruption
 * controller's `DeletionTimeout`).
 */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/**
 * A PodDisruptionBudget's numbers, as the disruption controller writes them to its status.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/#pdb-status
 */
export interface BudgetCounts {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
  /** Evictions the API granted and the controller has not yet seen through (pod name → time). */
  disruptedPods: Record<string, string>;
}

const phaseOf = (pod: KubeObject) => (pod.status as Json | undefined)?.phase;
const isReady = (pod: KubeObject) =>
  (((pod.status as Json | undefined)?.conditions as Json[] | undefined) ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

/** An `IntOrString` budget (`2`, `"50%"`) as a number of pods out of `total`; percentages round up, as kube does. */
function scaled(value: unknown, total: number): number {
  if (typeof value === 'string' && value.endsWith('%')) return Math.ceil((Number.parseFloat(value) / 100) * total);
  return Number(value) || 0;
}

/**
 * Whether a budget selects a pod: same namespace and its selector matches; in policy/v1 an empty selector (`{}`)
 * selects every pod of the namespace and a missing one none.
 */
export function selectsPod(budget: KubeObject, pod: KubeObject): boolean {
  const selector = (budget.spec as { selector?: LabelSelector } | undefined)?.selector;
  return (
    pod.metadata.namespace === budget.metadata.namespace &&
    selector !== undefined &&
    matchesSelector(selector, pod.metadata.labels)
  );
}

/**
 * The disruption controller's arithmetic — the one place the simulated cluster counts a budget. Expected pods are
 * the selected pods that have not finished (a real controller sums its workloads' `replicas` for `maxUnavailable` and
 * percentages, and counts every selected pod for an integer `minAvailable`; for the workloads simulated here the two
 * agree); healthy ones are Ready, not being deleted and not named in a live `disruptedPods` entry; desired healthy is
 * `minAvailable`, or expected minus `maxUnavailable`; disruptions allowed is their difference (0 with no pods).
 * `disruptedPods` keeps the entries of pods still there and younger than {@link DELETION_TIMEOUT_MS}.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/#pdb-status
 */
export function budgetCounts(budget: KubeObject, pods: KubeObject[], now: number): BudgetCounts {
  const spec = (budget.spec ?? {}) as { minAvailable?: unknown; maxUnavailable?: unknown };
  const selected = pods.filter((p) => selectsPod(budget, p) && phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed');
  const recorded = ((budget.status as Json | undefined)?.disruptedPods as Record<string, string> | undefined) ?? {};
  const disruptedPods: Record<string, string> = {};
  for (const pod of selected) {
    const at = recorded[pod.metadata.name];
    if (at && !pod.metadata.deletionTimestamp && Date.parse(at) + DELETION_TIMEOUT_MS > now)
      disruptedPods[pod.metadata.name] = at;
  }
  const expectedPods = selected.length;
  const currentHealthy = selected.filter(
    (p) => !p.metadata.deletionTimestamp && !disruptedPods[p.metadata.name] && isReady(p),
  ).length;
  const desiredHealthy =
    spec.minAvailable !== undefined
      ? scaled(spec.minAvailable, expectedPods)
      : Math.max(0, expectedPods - scaled(spec.maxUnavailable ?? 0, expectedPods));
  const disruptionsAllowed = expectedPods <= 0 ? 0 : Math.max(0, currentHealthy - desiredHealthy);
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed, disruptedPods };
}

/** The `DisruptionAllowed` condition for `allowed` disruptions, keeping the old one (and its transition time) if equal. */
export function disruptionCondition(budget: KubeObject, allowed: number, timestamp: string): Json {
  const status = allowed > 0 ? 'True' : 'False';
  const old = (((budget.status as Json | undefined)?.conditions as Json[] | undefined) ?? []).find(
    (c) => c.type === 'DisruptionAllowed',
  );
  if (old?.status === status) return old;
  return {
    type: 'DisruptionAllowed',
    status,
    reason: status === 'True' ? 'SufficientPods' : 'InsufficientPods',
    message: '',
    lastTransitionTime: timestamp,
    observedGeneration: budget.metadata.generation ?? 1,
  };
}

/** What the eviction API decides for one pod. */
export type EvictionVerdict =
  /** Delete the pod; `budget` is the budget to write back with its status decremented, if one was charged. */
  | { allowed: true; budget?: KubeObject }
  | { allowed: false; code: 429 | 403 | 500; reason: string; message: string; cause?: string };

const TOO_MANY = "Cannot evict pod as it would violate the pod's disruption budget.";

/**
 * The eviction API's check. Unlike the controller it does not count pods: it trusts the budget's status as the
 * disruption controller last wrote it, and charges the eviction to it. Pods that are Pending, finished or being deleted
 * ignore budgets; two budgets on one pod are a 500; a pod that is not Ready may go when the budget is met
 * (`currentHealthy >= desiredHealthy > 0`) or its `unhealthyPodEvictionPolicy` is `AlwaysAllow`; a status older than the
 * budget's generation, or one allowing no disruption, is a 429. A granted eviction returns the budget with
 * `disruptionsAllowed` one lower and the pod in `disruptedPods`, which the controller honours for two minutes.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/
 */
export function evictionVerdict(pod: KubeObject, budgets: KubeObject[], timestamp: string): EvictionVerdict {
  const phase = phaseOf(pod);
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp)
    return { allowed: true };
  const selecting = budgets.filter((b) => selectsPod(b, pod));
  if (selecting.length === 0) return { allowed: true };
  if (selecting.length > 1) {
    return {
      allowed: false,
      code: 500,
      reason: 'InternalError',
      message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    };
  }
  const budget = selecting[0]!;
  const name = budget.metadata.name;
  const status = (budget.status ?? {}) as Json;
  const currentHealthy = Number(status.currentHealthy ?? 0);
  const desiredHealthy = Number(status.desiredHealthy ?? 0);
  if (!isReady(pod)) {
    if ((budget.spec as Json | undefined)?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { allowed: true };
    if (currentHealthy >= desiredHealthy && desiredHealthy > 0) return { allowed: true };
  }
  if (Number(status.observedGeneration ?? 0) < (budget.metadata.generation ?? 1)) {
    return {
      allowed: false,
      code: 429,
      reason: 'TooManyRequests',
      message: TOO_MANY,
      cause: `The disruption budget ${name} is still being processed by the server.`,
    };
  }
  const allowedNow = Number(status.disruptionsAllowed ?? 0);
  if (allowedNow < 0) {
    return {
      allowed: false,
      code: 403,
      reason: 'Forbidden',
      message: `poddisruptionbudgets.policy "${name}" is forbidden: pdb disruptions allowed is negative`,
    };
  }
  if (allowedNow === 0) {
    return {
      allowed: false,
      code: 429,
      reason: 'TooManyRequests',
      message: TOO_MANY,
      cause:
        currentHealthy <= desiredHealthy
          ? `The disruption budget ${name} needs ${desiredHealthy} healthy pods and has ${currentHealthy} currently`
          : `The disruption budget ${name} does not allow evicting pods currently`,
    };
  }
  const charged = structuredClone(budget);
  const disruptionsAllowed = allowedNow - 1;
  const conditions = ((status.conditions as Json[] | undefined) ?? []).filter((c) => c.type !== 'DisruptionAllowed');
  charged.status = {
    ...status,
    disruptionsAllowed,
    disruptedPods: { ...((status.disruptedPods as Json | undefined) ?? {}), [pod.metadata.name]: timestamp },
    conditions: [...conditions, disruptionCondition(budget, disruptionsAllowed, timestamp)],
  };
  return { allowed: true, budget: charged };
}
