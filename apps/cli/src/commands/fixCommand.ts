import { type ClusterGateway, type Finding, formatRef, NotFoundError, systemClock } from '@opspilot/core';
import { baseName, currentFindings, type RemediationOutcome } from '@opspilot/remediate';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { registeredClusterId } from './askApply.js';
import { askApproval } from './askApproval.js';
import { renderPlan } from './askOutput.js';
import { cliRemediator } from './cliRemediator.js';
import { type FixJson, fixText } from './fixOutput.js';
import { reviewActor } from './reviewActor.js';

const FixOptions = z.object({
  yes: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  candidate: z.coerce.number().int().min(1).default(1),
  remediation: z.string().min(1).optional(),
  settle: z.coerce.number().int().min(0).max(3600).default(60),
  user: z.string().optional(),
});

/** The finding `wanted` names: its id, or the object it is about (`deployment/api`, `pod/shop/api-7d9-x`, `api`). */
export function pickFinding(findings: Finding[], wanted: string): Finding[] {
  const exact = findings.filter((f) => f.id === wanted);
  if (exact.length > 0) return exact;
  const name = wanted.split('/').at(-1)!;
  return findings.filter(
    (f) =>
      formatRef(f.resource) === wanted.toLowerCase() || f.resource.name === name || baseName(f.resource.name) === name,
  );
}

async function findingFor(gateway: ClusterGateway, wanted: string, namespace?: string): Promise<Finding> {
  const findings = await currentFindings(gateway, systemClock.now(), namespace ? { namespace } : {});
  const found = pickFinding(findings, wanted);
  if (found.length === 0) {
    throw new NotFoundError(`no finding about ${wanted} on the cluster now`, {
      hint: findings.length
        ? `findings now: ${findings
            .slice(0, 5)
            .map((f) => f.id)
            .join(', ')}`
        : 'the cluster has no findings: run opspilot analyze',
    });
  }
  return found[0]!;
}

/**
 * Registers `opspilot fix <finding|object>`: diagnoses the finding (by id, or the object it is about) with the
 * remediation catalogue, shows the ranked candidate fixes with their evidence, exact difference, risk and
 * alternatives, then — after approval (`--yes`, or a prompt) — applies the chosen one through the operation lifecycle
 * (dry-run diff, apply, verify), watches the object recover for `--settle` seconds and rolls the fix back if it does
 * not. Exit 1 unless the fix was verified (or `--dry-run` only showed it).
 */
export function fixCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('fix')
    .description('fix a finding: ranked remediation plans with evidence, applied after approval and verified')
    .argument('<finding>', 'a finding id (from opspilot analyze) or the object it is about, e.g. deployment/api')
    .option('-y, --yes', 'approve the fix without asking')
    .option('--dry-run', 'show the candidate fixes, change nothing')
    .option('--candidate <n>', 'which candidate to apply (1 is the best ranked)')
    .option('--remediation <id>', 'only candidates of this remediation, e.g. oom:raise-memory-limit')
    .option('--settle <seconds>', 'how long the object must stay healthy after the fix (default 60)')
    .option('--user <name>', 'who fixes, for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (wanted: string, raw: unknown, command: Command) => {
      const options = FixOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const user = reviewActor(options.user, ctx.io.env);
      const c = ctx.colors(command);
      const err = (text: string) => ctx.io.stderr.write(`${text}\n`);
      const finding = await findingFor(gateway, wanted, config.kube.namespace);
      await withStore(config, ctx.io.cwd, async (store) => {
        const remediator = cliRemediator(store, gateway, {
          clusterId: await registeredClusterId(store, gateway.config.server),
          err,
          recovery: { settleMs: options.settle * 1000 },
        });
        const proposal = await remediator.diagnose(finding, options.remediation ? { only: options.remediation } : {});
        const candidate = proposal.candidates[options.candidate - 1];
        const json: FixJson = {
          finding,
          candidates: proposal.candidates,
          declined: proposal.declined,
          learned: proposal.learned,
          status: 'DRY_RUN',
        };
        const text = ctx.options(command).output === 'text';
        if (!candidate || options.dryRun) {
          if (!candidate) {
            ctx.run.exitCode = 1;
            json.status = 'NO_FIX';
          }
          return ctx.print(command, json, (j) => fixText(j, c));
        }
        if (text) ctx.io.stdout.write(fixText({ ...json, candidates: [candidate], declined: [] }, c));
        const proposed = await remediator.propose(candidate, { user, request: `fix ${finding.id}` });
        let outcome: RemediationOutcome;
        if (proposed.kind === 'abandoned') {
          outcome = { status: 'ABANDONED', message: proposed.reasons.join('; ') };
        } else {
          if (text) ctx.io.stdout.write(renderPlan(proposed.operation, c));
          const answer = options.yes ? { approved: true as const } : await askApproval(ctx.io, proposed.operation);
          if (!answer.approved) {
            await remediator.reject(proposed.operation.id, { user, reason: answer.why });
            outcome = { status: 'ABANDONED', message: `not approved: ${answer.why}` };
          } else {
            err(c.dim('applying, verifying and watching it recover…'));
            outcome = await remediator.execute(proposed.operation.id, candidate, { user, approver: user });
          }
        }
        if (outcome.status !== 'VERIFIED') ctx.run.exitCode = 1;
        const done: FixJson = {
          ...json,
          candidates: [candidate],
          status: outcome.status,
          message: outcome.message,
          operationId: outcome.operation?.id ?? null,
        };
        ctx.print(command, done, (j) =>
          text
            ? `${j.status === 'VERIFIED' ? c.green(j.status) : c.red(j.status)}: ${j.message}\n${j.operationId ? c.dim(`operation ${j.operationId}`) : ''}\n`
            : fixText(j, c),
        );
      });
    });
}
