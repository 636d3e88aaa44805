import type { HealingAction, HealingRule } from '@opspilot/core';
import { allActions, type HealingStore } from './healingStore.js';
import { type FixEnd, type ResumeDeps, resumeFix } from './resumeFix.js';
import type { RunbookPort } from './runbookPort.js';
import { validateHealingRule } from './validateHealingRule.js';

/**
 * Brings earlier actions up to date: one left for a person (AWAITING_APPROVAL) ends as its runbook execution or its
 * fix did — applied by the person, then settled (VERIFIED or ROLLED_BACK; settled here when nobody else watched it);
 * one left RUNNING by a process that stopped is recovered — with `recover` (the first pass after a start) at once,
 * else once past its rule's verification time: an applied fix's settle window runs again on the current state and
 * concludes VERIFIED or ROLLED_BACK, a fix stopped before its apply is abandoned (SKIPPED), anything else ends FAILED
 * as interrupted.
 */
export async function reconcileActions(
  deps: ResumeDeps & { store: HealingStore; runbooks?: RunbookPort },
  rules: HealingRule[],
  options: { recover?: boolean } = {},
): Promise<HealingAction[]> {
  const updated: HealingAction[] = [];
  const now = deps.clock.now().getTime();
  for (const rule of rules) {
    const limits = validateHealingRule(rule).limits;
    const open = (await allActions(deps.store, { rule_id: rule.id })).filter(
      (a) => a.status === 'AWAITING_APPROVAL' || a.status === 'RUNNING',
    );
    for (const action of open) {
      const executionId = action.result.execution_id;
      const started = new Date(action.started_at ?? action.created_at).getTime();
      const budget = (limits.verify_timeout_seconds * 2 + limits.verify_settle_seconds + 300) * 1000;
      const stale = action.status === 'RUNNING' && (options.recover || now - started > budget);
      let end: FixEnd | undefined;
      if (typeof executionId === 'string' && deps.runbooks) {
        const run = await deps.runbooks.get(executionId).catch(() => undefined);
        if (run?.status === 'SUCCEEDED') end = { status: 'SUCCEEDED', outcome: 'APPROVED_AND_APPLIED' };
        else if (run?.status === 'FAILED') end = { status: 'FAILED', outcome: 'FAILED' };
        else if (run?.status === 'CANCELLED') end = { status: 'SKIPPED', outcome: 'REJECTED' };
      } else if (typeof action.result.operation_id === 'string' && (action.status === 'AWAITING_APPROVAL' || stale)) {
        end = await resumeFix(deps, action, limits, `healing-rule:${rule.name}`);
      } else if (stale) {
        end = { status: 'FAILED', outcome: 'INTERRUPTED' };
      }
      if (!end) continue;
      const { status, ...result } = end;
      updated.push(
        await deps.store.actions.update(action.id, {
          status,
          finished_at: deps.clock.now().toISOString(),
          result: { ...action.result, ...result } as never,
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
