import { formatRef, type HealingAction, type ObjectRef, refOf } from '@opspilot/core';
import { workloadOfPod } from '../cluster/workloadOfPod.js';
import { actionBase, type EngineContext, type RuleTrigger, triggerRecord } from './engineContext.js';
import { gateAction } from './gateAction.js';
import { allActions } from './healingStore.js';
import type { RunbookRun } from './runbookPort.js';

type Input = Record<string, string | number | boolean>;
const PLACEHOLDER = /\{\{\s*(namespace|name|workload|kind|incident_id)\s*\}\}/g;

/** A rule's runbook input for an object: its `runbook_input` with the object's names filled in. */
export function runbookInput(template: Input, ref: ObjectRef, incidentId?: string): Input {
  const values: Record<string, string> = {
    namespace: ref.namespace ?? '',
    name: ref.name,
    workload: ref.name,
    kind: ref.kind,
    incident_id: incidentId ?? '',
  };
  if (Object.keys(template).length === 0) return { namespace: values.namespace!, workload: ref.name, kind: ref.kind };
  return Object.fromEntries(
    Object.entries(template).map(([k, v]) => [
      k,
      typeof v === 'string' ? v.replace(PLACEHOLDER, (_, p) => values[p]!) : v,
    ]),
  );
}

const MAX_APPROVALS = 20;

/**
 * A rule's incident runbook for the object a trigger is about (a pod's workload): held back by the rule's limits (and
 * refused in automatic mode when a step of the runbook is DESTRUCTIVE), then — `suggest` or `dry_run` — recorded as
 * planned, or started through `@opspilot/incidents`' runner: in `approval` mode its first change waits for a person
 * (AWAITING_APPROVAL, brought up to date by later passes); in `automatic` mode each change is approved by the rule's
 * policy and the run's own checks verify it. Recorded as a healing action with its trigger and execution.
 */
export async function runbookAction(ctx: EngineContext, rt: RuleTrigger): Promise<void> {
  const { deps, report } = ctx;
  const { rule, parsed, trigger } = rt;
  const name = parsed.limits.runbook!;
  let ref = trigger.ref;
  if (ref.kind === 'Pod') {
    const owners = await workloadOfPod(deps.gateway, ref);
    if (owners) ref = refOf(owners.workload);
  }
  const target = formatRef(ref);
  const ruleActions = await allActions(deps.store, { rule_id: rule.id });
  const targetActions = ruleActions.filter((a) => a.target === target);
  const base = actionBase(ctx, rt, target, targetActions);
  const input = runbookInput(parsed.limits.runbook_input, ref, trigger.incident_id);
  const about = { runbook: name, input, mode: parsed.limits.mode, trigger: triggerRecord(trigger) };
  const automatic = parsed.limits.mode === 'automatic' && !parsed.limits.dry_run;
  const held = await gateAction(ctx, rt, { rule: ruleActions, target: targetActions }, base, about, async () => {
    if (!deps.runbooks) return 'runbooks: no runbook runner here (run the rule on the server)';
    let effects: string[];
    try {
      effects = await deps.runbooks.effects(name);
    } catch (error) {
      return `runbook ${name}: ${(error as Error).message}`;
    }
    if (automatic && effects.includes('DESTRUCTIVE')) {
      return `runbook ${name} has a destructive step: never automatic (use mode "approval")`;
    }
    const live = await deps.gateway.get(ref);
    const replicas = (live?.spec as { replicas?: number } | undefined)?.replicas ?? 0;
    if (replicas > parsed.limits.max_pods) {
      return `blast radius: ${target} has ${replicas} pods (at most ${parsed.limits.max_pods})`;
    }
    return undefined;
  });
  if (held || !deps.runbooks) return;
  if (parsed.limits.dry_run || parsed.limits.mode === 'suggest') {
    report.actions.push(
      await deps.store.actions.create({
        ...base,
        status: 'SUCCEEDED',
        finished_at: deps.clock.now().toISOString(),
        result: { ...about, outcome: 'PLANNED', summary: `run runbook ${name} for ${target}` } as never,
      }),
    );
    return;
  }
  let action = await deps.store.actions.create({
    ...base,
    status: 'RUNNING',
    result: { ...about, summary: `run runbook ${name} for ${target}` } as never,
  });
  await ctx.publish('HEALING_ACTION_STARTED', ref.namespace, {
    action_id: action.id,
    rule: rule.name,
    target,
    summary: `run runbook ${name}`,
    trigger: trigger.kind,
  });
  const user = `healing-rule:${rule.name}`;
  let run: RunbookRun | undefined;
  let failure: string | undefined;
  try {
    run = await deps.runbooks.start({ runbook: name, input, incident_id: trigger.incident_id, user });
    for (let i = 0; automatic && run.status === 'AWAITING_APPROVAL' && i < MAX_APPROVALS; i++) {
      run = await deps.runbooks.approve(run.id, `policy:${user}`);
    }
  } catch (error) {
    failure = (error as Error).message;
  }
  if (run?.status === 'AWAITING_APPROVAL' || run?.status === 'RUNNING') {
    action = await deps.store.actions.update(action.id, {
      status: run.status === 'RUNNING' ? 'RUNNING' : 'AWAITING_APPROVAL',
      result: { ...action.result, execution_id: run.id } as never,
    });
    report.actions.push(action);
    return;
  }
  const status: HealingAction['status'] = run?.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED';
  const now = deps.clock.now();
  action = await deps.store.actions.update(action.id, {
    status,
    finished_at: now.toISOString(),
    result: {
      ...action.result,
      ...(run ? { execution_id: run.id } : {}),
      outcome: run?.status === 'SUCCEEDED' ? 'VERIFIED' : (run?.status ?? 'FAILED'),
      message: failure ?? `runbook ${name} ${run?.status.toLowerCase()}`,
      ...(status === 'SUCCEEDED' ? { time_to_recover_ms: now.getTime() - new Date(base.started_at).getTime() } : {}),
    } as never,
  });
  await ctx.publish('HEALING_ACTION_FINISHED', ref.namespace, {
    action_id: action.id,
    rule: rule.name,
    target,
    status,
  });
  report.actions.push(action);
}
