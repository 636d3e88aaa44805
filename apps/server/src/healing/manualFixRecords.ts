import { formatRef, type KubeObject, type Operation, refOf } from '@opspilot/core';
import type { ManualFixDeps } from '@opspilot/remediate';
import type { ApiServices } from '../api/apiServices.js';
import type { OperationsCaller } from '../api/serverOperations.js';

/** Whether a healing rule proposed the operation (its own action records it): `healing-rule:<name>`. */
export const byRule = (operation: Operation) => operation.proposed_by.startsWith('healing-rule:');

/** Where the server records manual fixes: the store's healing actions, on the server's clock. */
export const manualDeps = (services: ApiServices, clusterId: string): ManualFixDeps => ({
  actions: services.store.healingActions,
  clock: services.clock,
  clusterId,
});

/**
 * A security fix (`security.fix`, planner `security:<check>`) once applied or failed: a MANUAL healing action with the
 * lifecycle's outcome (its own verification ran; there is no settle window), so learning counts it per check.
 */
export async function recordSecurityFix(
  services: ApiServices,
  operation: Operation,
  caller: OperationsCaller = {},
): Promise<void> {
  const planner = operation.plan.planner;
  const ref = operation.plan.steps
    .map((s) => (s.op === 'apply' ? refOf(s.object as KubeObject) : 'target' in s ? s.target : undefined))
    .find((r) => r !== undefined);
  if (!operation.cluster_id || !planner.startsWith('security:') || !ref) return;
  const now = services.clock.now().toISOString();
  const applied = operation.state === 'APPLIED';
  await services.store.healingActions.create({
    trigger: 'MANUAL',
    cluster_id: operation.cluster_id,
    target: formatRef(ref),
    status: applied ? 'SUCCEEDED' : 'FAILED',
    started_at: operation.updated_at,
    finished_at: now,
    result: {
      remediation: planner,
      finding_class: planner,
      summary: operation.plan.summary,
      operation_id: operation.id,
      user: caller.principal?.user.username ?? operation.approved_by ?? operation.proposed_by,
      outcome: applied ? 'APPLIED' : 'FAILED',
      ...(applied ? {} : { message: operation.result || 'the fix did not apply' }),
    },
  });
}
