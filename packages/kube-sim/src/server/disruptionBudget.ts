import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import { parseLabelSelector } from '../store/selectors.js';
import { formatSelector } from './tables/columns.js';

type Json = Record<string, unknown>;

/** A PodDisruptionBudget's state as the disruption controller computes it. */
export interface BudgetState {
  budget: KubeObject;
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

const isReady = (pod: KubeObject) =>
  !pod.metadata.deletionTimestamp &&
  (((pod.status as Json | undefined)?.conditions as Json[] | undefined) ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  );

/** An int-or-percent of `total` (percentages of minAvailable round up, of maxUnavailable too, as kube does). */
function scaled(value: unknown, total: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value ?? ''));
  return m ? Math.ceil((Number(m[1]) * total) / 100) : Number(value ?? 0) || 0;
}

/**
 * Computes a budget from the pods it selects now: expected pods (those selected), currently healthy (Ready, not
 * being deleted), desired healthy (`minAvailable`, or expected minus `maxUnavailable`) and disruptions allowed.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export function budgetState(store: ObjectStore, registry: ResourceRegistry, budget: KubeObject): BudgetState {
  const podType = registry.find('', 'v1', 'pods')!;
  const spec = (budget.spec ?? {}) as Json;
  const selector = formatSelector(spec.selector);
  const matches = selector === '' || selector === '<none>' ? () => false : parseLabelSelector(selector);
  const pods = store
    .list(podType, { namespace: budget.metadata.namespace })
    .items.filter((p) => matches(p.metadata.labels));
  const expectedPods = pods.length;
  const currentHealthy = pods.filter(isReady).length;
  const desiredHealthy =
    spec.minAvailable !== undefined
      ? scaled(spec.minAvailable, expectedPods)
      : Math.max(0, expectedPods - scaled(spec.maxUnavailable ?? 0, expectedPods));
  const disruptionsAllowed = Math.max(0, currentHealthy - desiredHealthy);
  return { budget, expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed };
}

/**
 * The first PodDisruptionBudget that forbids evicting this pod now, as the eviction API checks it: a budget
 * selecting the pod with no disruption allowed; a pod that is not Ready may go while the budget is met.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/api-eviction/
 */
export function blockingBudget(
  store: ObjectStore,
  registry: ResourceRegistry,
  pod: KubeObject,
): BudgetState | undefined {
  const pdbType = registry.find('policy', 'v1', 'poddisruptionbudgets');
  if (!pdbType) return undefined;
  for (const budget of store.list(pdbType, { namespace: pod.metadata.namespace }).items) {
    const selector = formatSelector((budget.spec as Json | undefined)?.selector);
    if (selector === '' || selector === '<none>' || !parseLabelSelector(selector)(pod.metadata.labels)) continue;
    const state = budgetState(store, registry, budget);
    if (!isReady(pod) && state.currentHealthy >= state.desiredHealthy) continue;
    if (state.disruptionsAllowed <= 0) return state;
  }
  return undefined;
}
