import type { AuditLog, Clock, HealingAction } from '@opspilot/core';
import type { Remediator } from '../createRemediator.js';
import type { HealingLimits } from './healingPolicy.js';
import { ActionFix, settleState } from './settleOutcome.js';

/** How a remediation action left open (waiting for a person, or running when its process stopped) ends, if it has. */
export interface FixEnd {
  status: HealingAction['status'];
  outcome: string;
  message?: string;
  time_to_recover_ms?: number;
}

/** What bringing a fix up to date needs. */
export interface ResumeDeps {
  clock: Clock;
  audit: Pick<AuditLog, 'list'>;
  remediator: Pick<Remediator, 'operation' | 'settle' | 'reject'>;
}

/**
 * Where a remediation action's fix stands now, from its operation and the audit trail: still waiting for a person or
 * being applied (undefined: left open); rejected or failed; applied and settled by whoever applied it (VERIFIED or
 * ROLLED_BACK as they recorded it); or applied with nobody watching — its settle was interrupted by a restart, or a
 * person applied it where nothing settles — and then the settle window runs again now, on the current state, and
 * concludes VERIFIED or ROLLED_BACK. A RUNNING action whose operation never got applied (stopped before) is
 * abandoned: its operation rejected, the action SKIPPED.
 */
export async function resumeFix(
  deps: ResumeDeps,
  action: HealingAction,
  limits: HealingLimits,
  user: string,
): Promise<FixEnd | undefined> {
  const operationId = action.result.operation_id;
  const parsed = ActionFix.safeParse(action.result.fix);
  if (typeof operationId !== 'string') return undefined;
  const operation = await deps.remediator.operation(operationId).catch(() => undefined);
  if (!operation) return { status: 'FAILED', outcome: 'INTERRUPTED', message: `operation ${operationId} is gone` };
  switch (operation.state) {
    case 'FAILED':
      return { status: 'FAILED', outcome: 'FAILED', message: operation.result ?? 'the fix did not apply' };
    case 'REJECTED':
    case 'INVALID':
      return { status: 'SKIPPED', outcome: operation.state };
    case 'APPLYING':
      return undefined;
    case 'APPLIED':
      break;
    default: {
      if (action.status === 'AWAITING_APPROVAL') return undefined;
      await deps.remediator
        .reject(operationId, { user, reason: 'interrupted before it was applied' })
        .catch(() => undefined);
      return { status: 'SKIPPED', outcome: 'INTERRUPTED', message: 'stopped before the fix was applied; not applied' };
    }
  }
  if (!parsed.success) return { status: 'SUCCEEDED', outcome: 'APPROVED_AND_APPLIED' };
  const fix = parsed.data;
  const started = new Date(action.started_at ?? action.created_at).getTime();
  const recovered = (healthy?: string) =>
    healthy ? { time_to_recover_ms: Math.max(0, new Date(healthy).getTime() - started) } : {};
  const state = await settleState(deps.audit, operationId, fix);
  if (state?.status === 'VERIFYING') return undefined;
  if (state) {
    return {
      status: state.status === 'VERIFIED' ? 'SUCCEEDED' : 'FAILED',
      outcome: state.status,
      message: state.message,
      ...(state.status === 'VERIFIED' ? recovered(state.healthy_at) : {}),
    };
  }
  const outcome = await deps.remediator.settle(operation, fix, {
    user,
    recovery: { settleMs: limits.verify_settle_seconds * 1000, timeoutMs: limits.verify_timeout_seconds * 1000 },
  });
  return {
    status: outcome.status === 'VERIFIED' ? 'SUCCEEDED' : 'FAILED',
    outcome: outcome.status,
    message: `settled after ${action.status === 'RUNNING' ? 'an interruption' : 'approval'}: ${outcome.message}`,
    ...(outcome.status === 'VERIFIED' ? recovered(outcome.recovery?.healthy_at) : {}),
  };
}
