import type { Clock, HealingAction, HealingRule } from '@opspilot/core';
import type { Remediator } from '../createRemediator.js';
import { allActions, type HealingStore } from './healingStore.js';
import type { RunbookPort } from './runbookPort.js';
import { validateHealingRule } from './validateHealingRule.js';

/**
 * Brings earlier actions up to date: one left for a person (AWAITING_APPROVAL) ends as its operation (or runbook
 * execution) did; one left
 * RUNNING past its rule's verification time (its process was stopped) ends FAILED as interrupted.
 */
export async function reconcileActions(
  deps: { clock: Clock; store: HealingStore; remediator: Pick<Remediator, 'operation'>; runbooks?: RunbookPort },
  rules: HealingRule[],
): Promise<HealingAction[]> {
  const updated: HealingAction[] = [];
  const now = deps.clock.now().getTime();
  for (const rule of rules) {
    const limits = validateHealingRule(rule).limits;
    const open = (await allActions(deps.store, { rule_id: rule.id })).filter(
      (a) => a.status === 'AWAITING_APPROVAL' || a.status === 'RUNNING',
    );
    for (const action of open) {
      const operationId = action.result.operation_id;
      const executionId = action.result.execution_id;
      let status: HealingAction['status'] | undefined;
      let outcome = '';
      if (typeof executionId === 'string' && deps.runbooks) {
        const run = await deps.runbooks.get(executionId).catch(() => undefined);
        if (run?.status === 'SUCCEEDED') [status, outcome] = ['SUCCEEDED', 'APPROVED_AND_APPLIED'];
        else if (run?.status === 'FAILED') [status, outcome] = ['FAILED', 'FAILED'];
        else if (run?.status === 'CANCELLED') [status, outcome] = ['SKIPPED', 'REJECTED'];
      } else if (action.status === 'AWAITING_APPROVAL' && typeof operationId === 'string') {
        const state = (await deps.remediator.operation(operationId).catch(() => undefined))?.state;
        if (state === 'APPLIED') [status, outcome] = ['SUCCEEDED', 'APPROVED_AND_APPLIED'];
        else if (state === 'FAILED') [status, outcome] = ['FAILED', 'FAILED'];
        else if (state === 'REJECTED' || state === 'INVALID') [status, outcome] = ['SKIPPED', state];
      } else if (action.status === 'RUNNING') {
        const started = new Date(action.started_at ?? action.created_at).getTime();
        const budget = (limits.verify_timeout_seconds * 2 + limits.verify_settle_seconds + 300) * 1000;
        if (now - started > budget) [status, outcome] = ['FAILED', 'INTERRUPTED'];
      }
      if (!status) continue;
      updated.push(
        await deps.store.actions.update(action.id, {
          status,
          finished_at: deps.clock.now().toISOString(),
          result: { ...action.result, outcome },
        }),
      );
    }
  }
  return updated;
}

/** Whether a stored rule is still valid (a rule saved before the rules tightened may not be). */
export function isValid(rule: HealingRule): boolean {
  try {
    validateHealingRule(rule);
    return true;
  } catch {
    return false;
  }
}
