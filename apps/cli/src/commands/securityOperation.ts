import { finishPlan, type PlanDraft } from '@opspilot/ai';
import { type Operation, systemClock } from '@opspilot/core';
import { diffObjects } from '@opspilot/kube';
import { createOperations } from '@opspilot/ops';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import type { openGateway } from '../clusterAccess.js';
import { applyInterruptibly, cliLifecycle, recoverEarlierRuns, registeredClusterId } from './askApply.js';
import { askApproval } from './askApproval.js';
import { kubectlResult, renderPlan } from './askOutput.js';

/** What `opspilot security fix` and `security rotate` print with `-o json|yaml`. */
export interface SecurityOperationJson {
  status: Operation['state'] | 'DRY_RUN';
  summary: string;
  risk: Operation['risk'];
  diff: string;
  problems: string[];
  result: string;
  operationId: string;
}

/**
 * Runs a plan the security guardian made (a finding's fix, a Secret's rotation) through the operation lifecycle of
 * the CLI's store and cluster: proposed (dry run and diff), shown, approved with `--yes` or at the prompt (or only
 * shown with `--dry-run`), applied and verified, every step audited; `audit` is appended first (who asked for what).
 * Exit 1 unless applied (or only shown).
 */
export async function runSecurityPlan(
  ctx: CliContext,
  command: Command,
  store: Store,
  gateway: ReturnType<typeof openGateway>,
  draft: PlanDraft,
  options: { yes: boolean; dryRun: boolean; user: string; audit: { action: string; target: string; details: object } },
): Promise<void> {
  const err = (text: string) => ctx.io.stderr.write(`${text}\n`);
  const c = ctx.colors(command);
  const text = ctx.options(command).output === 'text';
  const plan = finishPlan(draft, await gateway.list('Namespace'));
  const ops = createOperations({
    gateway,
    operations: store.operations,
    audit: store.audit,
    commands: store.aiCommands,
    clock: systemClock,
    planner: async () => ({ kind: 'plan', plan, notices: [] }),
    diff: diffObjects,
    clusterId: await registeredClusterId(store, gateway.config.server),
    ...cliLifecycle(err),
  });
  await recoverEarlierRuns(ops, options.user, err);
  const proposed = await ops.propose(plan.request, { user: options.user });
  if (proposed.kind !== 'operation') throw new Error(`the plan could not be proposed: ${proposed.kind}`);
  let operation = proposed.operation;
  await store.audit.append({
    user_id: options.user,
    action: options.audit.action,
    target: options.audit.target,
    details: { ...options.audit.details, operation_id: operation.id },
  });
  if (text && operation.state !== 'INVALID') ctx.io.stdout.write(renderPlan(operation, c));
  let dryRun = false;
  if (operation.state === 'NEEDS_REVIEW') {
    if (options.dryRun) {
      operation = await ops.reject(operation.id, { user: options.user, reason: 'dry run: shown, not applied' });
      dryRun = true;
    } else {
      const answer = options.yes
        ? { approved: true as const, confirmations: [] }
        : await askApproval(ctx.io, operation);
      if (!answer.approved) {
        err(answer.why);
        operation = await ops.reject(operation.id, { user: options.user, reason: answer.why });
      } else {
        await ops.approve(operation.id, {
          user: options.user,
          confirmations: answer.confirmations,
          allowSelfApproval: true,
        });
        err(c.dim('applying and verifying…'));
        operation = await applyInterruptibly(ops, operation.id, options.user);
      }
    }
  }
  if (operation.state !== 'APPLIED' && !dryRun) ctx.run.exitCode = 1;
  const json: SecurityOperationJson = {
    status: dryRun ? 'DRY_RUN' : operation.state,
    summary: operation.plan.summary,
    risk: operation.risk,
    diff: operation.diff,
    problems: operation.problems,
    result: operation.result,
    operationId: operation.id,
  };
  ctx.print(command, json, (j) => {
    if (j.status === 'INVALID') return `${renderPlan(operation, c)}${c.red('Refused')}: ${j.problems.join('\n')}\n`;
    if (j.status === 'DRY_RUN') return `${c.dim('dry run: nothing was changed')}\n`;
    if (j.status !== 'APPLIED') return `${c.red(j.status)}: ${j.result}\n${c.dim(`operation ${j.operationId}`)}\n`;
    return `${operation.plan.steps.map(kubectlResult).filter(Boolean).join('\n')}\n${c.dim(`operation ${j.operationId}`)}\n`;
  });
}
