import { NotAllowedError, type Operation } from '@opspilot/core';

/** An approval as given: who, and the names typed for a destructive plan. */
export interface Approval {
  user: string;
  /** The resource names typed by the approver (a destructive plan needs every name in `operation.confirmations`). */
  confirmations?: string[];
  /** Whether the proposer may approve a destructive plan themselves (the CLI's local user; never the server). */
  allowSelfApproval?: boolean;
}

/**
 * Checks an approval against the plan's risk: writes need an approver; destructive plans need an approver other
 * than the proposer (unless allowed) who typed the name of every resource at stake. Throws NotAllowedError with a
 * hint saying what is missing.
 */
export function checkApproval(operation: Operation, approval: Approval): void {
  if (operation.risk !== 'destructive') return;
  if (operation.proposed_by === approval.user && !approval.allowSelfApproval) {
    throw new NotAllowedError(`${approval.user} proposed this destructive operation and cannot approve it too`, {
      hint: 'ask another approver',
    });
  }
  const typed = new Set(approval.confirmations ?? []);
  const missing = operation.confirmations.filter((name) => !typed.has(name));
  if (missing.length > 0) {
    throw new NotAllowedError(
      `a destructive operation needs its resource names typed to confirm: ${missing.join(', ')}`,
      {
        hint: `type ${missing.map((m) => `"${m}"`).join(' and ')} to confirm (${operation.risk_reasons.join('; ')})`,
      },
    );
  }
}
