import { formatRef, type Operation, redactOperation } from '@opspilot/core';
import type { OpsDeps } from './opsDeps.js';
import { stepTarget } from './stepTarget.js';

/**
 * Appends one lifecycle event of an operation to the audit trail (`operation.proposed`, `.approved`, `.rejected`,
 * `.applied`, `.failed`, `.invalid`, `.recovered`): who, the request, the planner, the commands and the outcome — redacted
 * (`redactOperation`), so no Secret value of the plan reaches the trail.
 */
export async function auditOperation(
  deps: Pick<OpsDeps, 'audit' | 'clusterId'>,
  operation: Operation,
  event: 'proposed' | 'approved' | 'rejected' | 'applied' | 'failed' | 'invalid' | 'recovered',
  user: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const shown = redactOperation(operation);
  const first = shown.plan.steps.map(stepTarget).find((t) => t !== undefined);
  const entry = await deps.audit.append({
    action: `operation.${event}`,
    user_id: user,
    ai_tool: shown.plan.planner,
    input_prompt: shown.request,
    output_generated: shown.plan.rendered.bash,
    status: event === 'failed' || event === 'invalid' || operation.state === 'FAILED' ? 'ERROR' : 'SUCCESS',
    target: first ? formatRef(first) : undefined,
    cluster_id: deps.clusterId,
    details: { operation_id: operation.id, risk: operation.risk, state: operation.state, ...extra },
  });
  return entry.interaction_id;
}
