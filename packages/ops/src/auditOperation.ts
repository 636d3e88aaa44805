import { formatRef, type Operation } from '@opspilot/core';
import type { OpsDeps } from './opsDeps.js';
import { stepTarget } from './stepTarget.js';

/**
 * Appends one lifecycle event of an operation to the audit trail (`operation.proposed`, `.approved`, `.rejected`,
 * `.applied`, `.failed`, `.invalid`): who, the request, the planner, the commands and the outcome.
 */
export async function auditOperation(
  deps: Pick<OpsDeps, 'audit' | 'clusterId'>,
  operation: Operation,
  event: 'proposed' | 'approved' | 'rejected' | 'applied' | 'failed' | 'invalid',
  user: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const first = operation.plan.steps.map(stepTarget).find((t) => t !== undefined);
  const entry = await deps.audit.append({
    action: `operation.${event}`,
    user_id: user,
    ai_tool: operation.plan.planner,
    input_prompt: operation.request,
    output_generated: operation.plan.rendered.bash,
    status: event === 'failed' || event === 'invalid' ? 'ERROR' : 'SUCCESS',
    target: first ? formatRef(first) : undefined,
    cluster_id: deps.clusterId,
    details: { operation_id: operation.id, risk: operation.risk, state: operation.state, ...extra },
  });
  return entry.interaction_id;
}
