import { systemClock } from '@opspilot/core';
import { diffObjects } from '@opspilot/kube';
import { createOperations, type Operations } from '@opspilot/ops';
import { allActions } from '@opspilot/remediate';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { applyInterruptibly, cliLifecycle, recoverEarlierRuns, registeredClusterId } from './askApply.js';
import { askApproval } from './askApproval.js';
import { answerCostAsk } from './askCost.js';
import { answerMetricQuestion } from './askMetrics.js';
import { type AskJson, kubectlResult, renderPlan } from './askOutput.js';
import { createPlanner } from './askPlanner.js';
import { answerPolicyAudit } from './askPolicyAudit.js';
import { settleFix } from './askSettle.js';
import { cliPlanGate } from './cliPlanGate.js';
import { reviewActor } from './reviewActor.js';

const AskOptions = z.object({
  yes: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  confirm: z.array(z.string().min(1)).default([]),
  user: z.string().optional(),
  settle: z.coerce.number().int().min(0).max(3600).default(60),
});

/**
 * Registers `opspilot ask "<request>"`: plain English to a plan (the offline planner unless a model is configured),
 * its risk, the equivalent kubectl commands for bash and PowerShell and the server dry-run diff; then approval
 * (`--yes`, or a prompt on a terminal; destructive plans also need the resource names typed, or `--confirm NAME`),
 * application, verification and the audit entry; a fix from the remediation catalogue is then settled (`--settle`
 * seconds healthy, else rolled back). Reads run at once. Exit 1 when the request was not carried out
 * (a question back, unsupported, invalid, not approved, or failed). Secret values are printed as `<redacted>` in
 * text and JSON alike (the operations come redacted from `@opspilot/ops`); a stored plan keeps them sealed with
 * `secrets.encryption_key` (or `<data_dir>/encryption.key`, created on first use).
 */
export function askCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('ask')
    .description('turn a plain-English request into a reviewed, dry-run, audited cluster operation')
    .argument('<request...>', 'what to do, e.g. "scale backend to 3 replicas"')
    .option('-y, --yes', 'approve the plan without asking')
    .option('--dry-run', 'show the plan, commands and diff, change nothing')
    .option('--confirm <name...>', 'resource names typed to confirm a destructive plan')
    .option('--user <name>', 'who is asking, for the audit log (default OPSPILOT_USER or the OS user)')
    .option('--settle <seconds>', 'for a fix: how long its object must stay healthy, else it is rolled back', '60')
    .action(async (words: string[], raw: unknown, command: Command) => {
      const options = AskOptions.parse(raw);
      const request = words.join(' ').trim();
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const user = reviewActor(options.user, ctx.io.env);
      const c = ctx.colors(command);
      const err = (text: string) => ctx.io.stderr.write(`${text}\n`);
      await withStore(config, ctx.io.cwd, async (store) => {
        const planner = createPlanner(config, gateway, () =>
          allActions({ rules: store.healingRules, actions: store.healingActions }, {}),
        );
        const clusterId = await registeredClusterId(store, gateway.config.server);
        const deps = {
          gateway,
          operations: store.operations,
          audit: store.audit,
          commands: store.aiCommands,
          clock: systemClock,
          diff: diffObjects,
          clusterId,
          planGate: cliPlanGate(store, clusterId, user),
          ...cliLifecycle(err),
        };
        const ops = createOperations({ ...deps, planner });
        await recoverEarlierRuns(ops, user, err);
        // The request is not echoed: it may hold a Secret value, and the plan below shows it redacted.
        err(c.dim('planning…'));
        let proposed = await ops.propose(request, { user, namespace: config.kube.namespace });
        // A cost question: answered with the cost optimizer; "rightsize X" comes back as X's operation for review.
        if (proposed.kind === 'cost') {
          const planned = await answerCostAsk(proposed, config, gateway, deps, user, command, ctx);
          if (!planned) return;
          proposed = { kind: 'operation', ...planned };
        }
        // The planner read a metrics question: its named query's numbers, a read with no operation.
        if (proposed.kind === 'metrics') return answerMetricQuestion(proposed.metric, config, command, ctx);
        if (proposed.kind === 'policy-audit') return answerPolicyAudit(proposed, config, command, ctx);
        if (proposed.kind !== 'operation') {
          ctx.run.exitCode = 1;
          const json: AskJson = {
            intent: proposed.understood,
            plan: null,
            risk: null,
            commands: null,
            diff: '',
            status: proposed.kind === 'question' ? 'NEEDS_CLARIFICATION' : 'UNSUPPORTED',
            result: proposed.kind === 'question' ? proposed.question : proposed.message,
            auditId: null,
            ...(proposed.kind === 'question'
              ? { question: proposed.question, candidates: proposed.candidates.map((x) => x.label) }
              : { suggestions: proposed.suggestions }),
          };
          ctx.print(
            command,
            json,
            (j) =>
              `${[
                j.intent ? `Understood: ${j.intent}` : '',
                j.result,
                ...(j.candidates ?? []).map((x) => `  - ${x}`),
                ...(j.suggestions?.length ? ['Try for example:', ...j.suggestions.map((x) => `  ${x}`)] : []),
              ]
                .filter(Boolean)
                .join('\n')}\n`,
          );
          return;
        }
        let { operation } = proposed;
        let auditId = proposed.auditId;
        const show = () => ctx.io.stdout.write(renderPlan(operation, c));
        const text = ctx.options(command).output === 'text';
        if (operation.state === 'NEEDS_REVIEW' && text) show();
        if (operation.state === 'NEEDS_REVIEW') {
          ({ operation, auditId } = await decide(ops, operation, { ...options, user }, ctx, err));
        }
        if (operation.state === 'APPROVED') {
          err(c.dim('applying and verifying…'));
          operation = await applyInterruptibly(ops, operation.id, user);
          auditId = String(operation.details.audit_id ?? auditId);
        }
        // A fix from the catalogue is settled like `opspilot fix`: healthy for --settle seconds, else rolled back.
        const fix = operation.state === 'APPLIED' ? planner.fixOf(operation.plan) : undefined;
        if (fix) err(c.dim(`watching it recover for ${options.settle}s…`));
        const settled = fix
          ? await settleFix(store, gateway, operation, fix, { user, settle: options.settle, clusterId, err })
          : undefined;
        const dryRun = options.dryRun && operation.state === 'REJECTED';
        if ((operation.state !== 'APPLIED' && !dryRun) || (settled && settled.status !== 'VERIFIED')) {
          ctx.run.exitCode = 1;
        }
        const json: AskJson = {
          intent: operation.plan.summary,
          plan: operation.plan,
          risk: operation.risk,
          commands: operation.plan.rendered,
          diff: operation.diff,
          status: dryRun ? 'DRY_RUN' : operation.state,
          result: operation.result,
          auditId,
          operationId: operation.id,
          problems: operation.problems,
          ...(settled ? { fix: { status: settled.status, message: settled.message } } : {}),
        };
        ctx.print(command, json, () => {
          if (operation.state === 'INVALID')
            return `${renderPlan(operation, c)}${c.red('Refused')}: ${operation.problems.join('\n')}\n`;
          if (dryRun) return `${c.dim('dry run: nothing was changed')}\n`;
          const outcome =
            operation.state === 'APPLIED'
              ? operation.risk === 'read'
                ? operation.result
                : operation.plan.steps.map(kubectlResult).filter(Boolean).join('\n')
              : `${c.red(operation.state)}: ${operation.result}`;
          const verdict = settled
            ? `${settled.status === 'VERIFIED' ? c.green(settled.status) : c.red(settled.status)}: ${settled.message}\n`
            : '';
          return `${outcome}\n${verdict}${c.dim(`operation ${operation.id}, audit ${auditId}`)}\n`;
        });
      });
    });
}

async function decide(
  ops: Operations,
  operation: Awaited<ReturnType<Operations['get']>>,
  options: z.infer<typeof AskOptions> & { user: string },
  ctx: CliContext,
  err: (text: string) => void,
) {
  if (options.dryRun) {
    const rejected = await ops.reject(operation.id, { user: options.user, reason: 'dry run: shown, not applied' });
    return { operation: rejected, auditId: '' };
  }
  const answer = options.yes
    ? { approved: true as const, confirmations: options.confirm }
    : await askApproval(ctx.io, operation);
  if (!answer.approved) {
    err(answer.why);
    const rejected = await ops.reject(operation.id, { user: options.user, reason: answer.why });
    return { operation: rejected, auditId: '' };
  }
  const approved = await ops.approve(operation.id, {
    user: options.user,
    confirmations: answer.confirmations,
    allowSelfApproval: true,
  });
  return { operation: approved, auditId: '' };
}
