import { type Finding, formatRef, type HealingAction } from '@opspilot/core';
import { blastRadius } from './blastRadius.js';
import { actionBase, type EngineContext, type RuleTrigger, triggerRecord } from './engineContext.js';
import { gateAction } from './gateAction.js';
import { successRates } from './healingStats.js';
import { allActions } from './healingStore.js';
import { fixRecord } from './settleOutcome.js';

/**
 * A rule's remediation for one finding: diagnosed with the catalogue (ranked with what the rule learned), held back by
 * the rule's limits, then carried out in the rule's mode — `suggest` (or `dry_run`) keeps the dry-run plan,
 * `approval` leaves the operation for a person, `automatic` applies, verifies and rolls back through the remediator —
 * and recorded as a healing action with its trigger, published as HEALING_ACTION_STARTED / FINISHED.
 */
export async function remediationAction(ctx: EngineContext, rt: RuleTrigger, finding: Finding): Promise<void> {
  const { deps, report } = ctx;
  const { rule, parsed } = rt;
  const remediation = parsed.remediation!;
  const ruleActions = await allActions(deps.store, { rule_id: rule.id });
  const proposal = await deps.remediator.diagnose(finding, {
    rates: successRates(ruleActions),
    only: parsed.remediations.map((r) => r.id),
  });
  const candidate = proposal.candidates[0];
  // A finding gathered at the start of the pass whose object an earlier action replaced (a pod of the rollout
  // it fixed) is gone: nothing to act on, nothing to record.
  if (!candidate && !(await deps.gateway.get(finding.resource))) {
    report.held.push({ rule: rule.name, target: formatRef(finding.resource), reason: 'gone since the pass began' });
    return;
  }
  const target = candidate ? formatRef(candidate.subject) : formatRef(finding.resource);
  const targetActions = ruleActions.filter((a) => a.target === target);
  const base = actionBase(ctx, rt, target, targetActions);
  const about = {
    finding_id: finding.id,
    finding_class: finding.analyzer,
    remediation: candidate?.remediation ?? remediation.id,
    mode: parsed.limits.mode,
    trigger: triggerRecord(rt.trigger),
  };
  const held = await gateAction(ctx, rt, { rule: ruleActions, target: targetActions }, base, about, async () =>
    candidate ? blastRadius(deps.gateway, candidate, parsed.limits) : `no candidate: ${proposal.declined.join('; ')}`,
  );
  if (held || !candidate) return;
  let action = await deps.store.actions.create({
    ...base,
    status: 'RUNNING',
    result: { ...about, summary: candidate.summary, evidence: candidate.evidence.slice(0, 8) as never },
  });
  await ctx.publish('HEALING_ACTION_STARTED', candidate.subject.namespace, {
    action_id: action.id,
    rule: rule.name,
    target,
    summary: candidate.summary,
    trigger: rt.trigger.kind,
  });
  const user = `healing-rule:${rule.name}`;
  const proposed = await deps.remediator.propose(candidate, {
    user,
    request: `heal ${finding.id} (rule ${rule.name}, ${rt.trigger.kind} ${rt.trigger.id})`,
  });
  const finish = async (status: HealingAction['status'], result: Record<string, unknown>) => {
    action = await deps.store.actions.update(action.id, {
      status,
      finished_at: deps.clock.now().toISOString(),
      result: { ...action.result, ...result } as never,
    });
    await ctx.publish('HEALING_ACTION_FINISHED', candidate.subject.namespace, {
      action_id: action.id,
      rule: rule.name,
      target,
      status,
    });
    report.actions.push(action);
  };
  if (proposed.kind === 'abandoned') {
    return finish('SKIPPED', { outcome: 'ABANDONED', reason: proposed.reasons.join('; ') });
  }
  const operation = proposed.operation;
  // On record before anything is applied: a process stopped from here on leaves an action the next start recovers.
  action = await deps.store.actions.update(action.id, {
    result: { ...action.result, operation_id: operation.id, fix: fixRecord(candidate) } as never,
  });
  if (parsed.limits.dry_run || parsed.limits.mode === 'suggest') {
    return finish('SUCCEEDED', {
      outcome: 'PLANNED',
      operation_id: operation.id,
      diff: operation.diff,
      problems: operation.problems,
    });
  }
  if (parsed.limits.mode === 'approval') {
    await deps.remember?.(operation, candidate);
    action = await deps.store.actions.update(action.id, {
      status: 'AWAITING_APPROVAL',
      result: { ...action.result, operation_id: operation.id, diff: operation.diff } as never,
    });
    report.actions.push(action);
    return;
  }
  const outcome = await deps.remediator.execute(operation.id, candidate, {
    user,
    approver: `policy:${user}`,
    signal: ctx.signal,
    recovery: {
      settleMs: parsed.limits.verify_settle_seconds * 1000,
      timeoutMs: parsed.limits.verify_timeout_seconds * 1000,
    },
  });
  const healthy = outcome.recovery?.healthy_at;
  await finish(outcome.status === 'VERIFIED' ? 'SUCCEEDED' : outcome.status === 'ABANDONED' ? 'SKIPPED' : 'FAILED', {
    outcome: outcome.status,
    message: outcome.message,
    operation_id: operation.id,
    ...(outcome.status === 'VERIFIED' && healthy
      ? { time_to_recover_ms: new Date(healthy).getTime() - new Date(base.started_at).getTime() }
      : {}),
  });
}
