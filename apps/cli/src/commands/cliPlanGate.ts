import type { OpsDeps } from '@opspilot/ops';
import { planImageGateProblems } from '@opspilot/security';
import type { Store } from '@opspilot/store';

/**
 * The image gate of the CLI's operations, as the server runs it (`OpsDeps.planGate`): a plan that sets an image is
 * checked against the image's latest stored scan under the gate stored for the cluster (or for every cluster); the
 * problems make the operation INVALID before review, and a blocked plan is audited as `security.gate.blocked`.
 */
export function cliPlanGate(
  store: Store,
  clusterId: string | undefined,
  user: string,
): NonNullable<OpsDeps['planGate']> {
  return async (plan) => {
    const { images, problems } = await planImageGateProblems(store, clusterId, plan);
    if (problems.length > 0)
      await store.audit.append({
        user_id: user,
        action: 'security.gate.blocked',
        target: images
          .map((i) => `image/${i}`)
          .join(',')
          .slice(0, 255),
        details: { images, problems, request: plan.request, ...(clusterId ? { cluster_id: clusterId } : {}) },
      });
    return problems;
  };
}
