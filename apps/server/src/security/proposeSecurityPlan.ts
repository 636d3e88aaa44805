import { finishPlan, type PlanDraft } from '@opspilot/ai';
import { InputError, type Operation } from '@opspilot/core';
import { createOperations } from '@opspilot/ops';
import type { ApiServices } from '../api/apiServices.js';
import { serverOpsDeps } from '../api/serverOperations.js';
import type { Principal } from '../auth/principal.js';

/**
 * Proposes a plan the security guardian made (a finding's fix, a Secret's rotation) as an operation of the cluster
 * through the lifecycle: dry run and diff, the image gate, NEEDS_REVIEW — applied only once approved.
 */
export async function proposeSecurityPlan(
  services: ApiServices,
  clusterId: string,
  principal: Principal,
  draft: PlanDraft,
): Promise<Operation> {
  const gateway = await services.gateways.get(clusterId);
  const plan = finishPlan(draft, await gateway.list('Namespace'));
  const deps = await serverOpsDeps(services, clusterId, { principal });
  const ops = createOperations({ ...deps, planner: async () => ({ kind: 'plan', plan, notices: [] }) });
  const proposed = await ops.propose(plan.request, { user: principal.user.username });
  if (proposed.kind !== 'operation')
    throw new InputError(`the plan could not be proposed: ${proposed.kind}`, { hint: 'scan again and retry' });
  return proposed.operation;
}
