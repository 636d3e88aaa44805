import { type Clock, formatRef, type HealingAction } from '@opspilot/core';
import type { RemediationOutcome, Remediator, SettleSubject } from '../createRemediator.js';
import type { HealingStore } from './healingStore.js';
import { fixRecord } from './settleOutcome.js';

/** Where manual fixes are recorded: the healing actions, on the remediator's clock, for a registered cluster. */
export interface ManualFixDeps {
  actions: HealingStore['actions'];
  clock: Clock;
  clusterId?: string;
}

/** The finding class of a finding id (`pod-oom-killed:pod/shop/api-1:app` → `pod-oom-killed`). */
const classOf = (findingId: string) => findingId.split(':')[0] ?? findingId;

const statusOf = (outcome: RemediationOutcome['status']): HealingAction['status'] =>
  outcome === 'VERIFIED' ? 'SUCCEEDED' : outcome === 'ABANDONED' ? 'SKIPPED' : 'FAILED';

/**
 * Starts the healing action (trigger MANUAL, RUNNING) of a fix a person applies — `ask "fix …"`, the Fix button,
 * `opspilot fix` — so that learning counts it next to the rules' actions.
 */
export function startManualFix(
  deps: ManualFixDeps,
  fix: SettleSubject,
  ctx: { operationId: string; user: string },
): Promise<HealingAction> {
  return deps.actions.create({
    trigger: 'MANUAL',
    ...(deps.clusterId ? { cluster_id: deps.clusterId } : {}),
    target: formatRef(fix.subject),
    status: 'RUNNING',
    started_at: deps.clock.now().toISOString(),
    result: {
      remediation: fix.remediation,
      finding_id: fix.finding_id,
      finding_class: classOf(fix.finding_id),
      summary: fix.summary,
      operation_id: ctx.operationId,
      user: ctx.user,
      fix: fixRecord(fix) as never,
    },
  });
}

/** Ends a manual fix's action as its settle ended (VERIFIED → SUCCEEDED with its time to recover). */
export function finishManualFix(
  deps: ManualFixDeps,
  action: HealingAction,
  outcome: Pick<RemediationOutcome, 'status' | 'message' | 'recovery'>,
): Promise<HealingAction> {
  const healthy = outcome.recovery?.healthy_at;
  const started = new Date(action.started_at ?? action.created_at).getTime();
  return deps.actions.update(action.id, {
    status: statusOf(outcome.status),
    finished_at: deps.clock.now().toISOString(),
    result: {
      ...action.result,
      outcome: outcome.status,
      message: outcome.message,
      ...(outcome.status === 'VERIFIED' && healthy
        ? { time_to_recover_ms: Math.max(0, new Date(healthy).getTime() - started) }
        : {}),
    },
  });
}

/**
 * The remediator with every fix it carries out (`execute`) or settles after someone else applied it (`settle`)
 * recorded as a MANUAL healing action with its outcome and time to recover. For the fixes people apply; a healing
 * rule's own actions are recorded by the rule.
 */
export function recordingManualFixes(remediator: Remediator, deps: ManualFixDeps): Remediator {
  const recorded = async (
    fix: SettleSubject,
    ctx: { operationId: string; user: string; signal?: AbortSignal },
    run: () => Promise<RemediationOutcome>,
  ) => {
    const action = await startManualFix(deps, fix, ctx);
    try {
      const outcome = await run();
      await finishManualFix(deps, action, outcome);
      return outcome;
    } catch (error) {
      // Stopped with its process: left RUNNING for the next start to settle (see `resumeFix`).
      if (!ctx.signal?.aborted) {
        await finishManualFix(deps, action, { status: 'FAILED', message: `could not settle: ${String(error)}` });
      }
      throw error;
    }
  };
  return {
    ...remediator,
    execute: (operationId, candidate, ctx) =>
      recorded(candidate, { operationId, user: ctx.approver ?? ctx.user, signal: ctx.signal }, () =>
        remediator.execute(operationId, candidate, ctx),
      ),
    settle: (operation, fix, ctx) =>
      recorded(fix, { operationId: operation.id, user: ctx.user, signal: ctx.signal }, () =>
        remediator.settle(operation, fix, ctx),
      ),
  };
}
