import { budgetCounts, DELETION_TIMEOUT_MS, disruptionCondition } from '../policy/disruptionBudget.js';
import type { ControllerContext } from './controllerContext.js';
import { unversioned } from './ownership.js';

type Json = Record<string, unknown>;

/**
 * The disruption controller: keeps each PodDisruptionBudget's status from the pods its selector picks, with the
 * arithmetic of {@link budgetCounts} (shared with nothing else: the eviction API reads this status rather than
 * counting), so `disruptionsAllowed` and the `DisruptionAllowed` condition read as on a real cluster — a budget with
 * `minAvailable` equal to the replicas allows no eviction. Evictions the API granted stay in `disruptedPods` until the
 * pod is gone or two minutes have passed.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/#pdb-status
 */
export function reconcileDisruptionBudgets(ctx: ControllerContext): void {
  const pdbType = ctx.registry.find('policy', 'v1', 'poddisruptionbudgets');
  if (!pdbType) return;
  const budgets = ctx.store.list(pdbType).items;
  if (budgets.length === 0) return;
  const pods = ctx.store.list(ctx.type('Pod')).items;
  const now = ctx.clock.now().getTime();
  for (const pdb of budgets) {
    if (!ctx.begin(pdb)) continue;
    const { disruptedPods, ...counts } = budgetCounts(pdb, pods, now);
    const entries = Object.values(disruptedPods);
    for (const at of entries) ctx.requeueAfter(Math.max(1, Date.parse(at) + DELETION_TIMEOUT_MS - now));
    const status = {
      observedGeneration: pdb.metadata.generation ?? 1,
      ...(entries.length > 0 ? { disruptedPods } : {}),
      disruptionsAllowed: counts.disruptionsAllowed,
      currentHealthy: counts.currentHealthy,
      desiredHealthy: counts.desiredHealthy,
      expectedPods: counts.expectedPods,
      conditions: [disruptionCondition(pdb, counts.disruptionsAllowed, ctx.timestamp())],
    };
    if (JSON.stringify(pdb.status ?? {}) === JSON.stringify(status)) continue;
    ctx.store.update(pdbType, { ...unversioned(pdb), status: status as Json }, { subresource: 'status' });
  }
}
