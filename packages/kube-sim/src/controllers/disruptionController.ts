import { type LabelSelector, matchesSelector } from '../exec/labelSelector.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { unversioned } from './ownership.js';
import { isPodReady } from './replicaSetController.js';

type Json = Record<string, unknown>;

/** An `IntOrString` budget (`2`, `"50%"`) as a number of pods out of `expected` (percentages round up). */
function podsOf(value: unknown, expected: number): number {
  if (typeof value === 'string' && value.endsWith('%')) return Math.ceil((Number.parseFloat(value) / 100) * expected);
  return Number(value);
}

/**
 * The disruption controller: keeps each PodDisruptionBudget's status from the pods its selector picks (non-terminal
 * pods expected, Ready ones healthy), so `disruptionsAllowed` and the `DisruptionAllowed` condition read as on a
 * real cluster — a budget with `minAvailable` equal to the replicas allows no eviction.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/#pdb-status
 */
export function reconcileDisruptionBudgets(ctx: ControllerContext): void {
  const pdbType = ctx.registry.find('policy', 'v1', 'poddisruptionbudgets');
  if (!pdbType) return;
  const budgets = ctx.store.list(pdbType).items;
  if (budgets.length === 0) return;
  const pods = ctx.store.list(ctx.type('Pod')).items;
  for (const pdb of budgets) {
    if (!ctx.begin(pdb)) continue;
    const spec = (pdb.spec ?? {}) as { selector?: LabelSelector; minAvailable?: unknown; maxUnavailable?: unknown };
    const selected = pods.filter((p: KubeObject) => {
      const phase = (p.status as Json | undefined)?.phase;
      return (
        p.metadata.namespace === pdb.metadata.namespace &&
        !p.metadata.deletionTimestamp &&
        phase !== 'Succeeded' &&
        phase !== 'Failed' &&
        spec.selector !== undefined &&
        matchesSelector(spec.selector, p.metadata.labels)
      );
    });
    const expectedPods = selected.length;
    const currentHealthy = selected.filter(isPodReady).length;
    const desiredHealthy =
      spec.minAvailable !== undefined
        ? podsOf(spec.minAvailable, expectedPods)
        : Math.max(0, expectedPods - podsOf(spec.maxUnavailable ?? 0, expectedPods));
    const disruptionsAllowed = Math.max(0, currentHealthy - desiredHealthy);
    const old = (pdb.status ?? {}) as Json;
    const oldCondition = ((old.conditions as Json[] | undefined) ?? []).find((c) => c.type === 'DisruptionAllowed');
    const allowed = disruptionsAllowed > 0 ? 'True' : 'False';
    const condition =
      oldCondition?.status === allowed
        ? oldCondition
        : {
            type: 'DisruptionAllowed',
            status: allowed,
            reason: allowed === 'True' ? 'SufficientPods' : 'InsufficientPods',
            message: '',
            lastTransitionTime: ctx.timestamp(),
            observedGeneration: pdb.metadata.generation ?? 1,
          };
    const status = {
      observedGeneration: pdb.metadata.generation ?? 1,
      disruptionsAllowed,
      currentHealthy,
      desiredHealthy,
      expectedPods,
      conditions: [condition],
    };
    if (
      JSON.stringify(old) ===
      JSON.stringify({ ...status, ...(old.disruptedPods ? { disruptedPods: old.disruptedPods } : {}) })
    )
      continue;
    ctx.store.update(pdbType, { ...unversioned(pdb), status }, { subresource: 'status' });
  }
}
