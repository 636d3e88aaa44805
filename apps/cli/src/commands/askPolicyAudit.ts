import type { OpspilotConfig } from '@opspilot/config';
import type { PlanOutcome } from '@opspilot/core';
import { auditCluster, PolicyMatch, violationLine } from '@opspilot/security';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { EXIT_CODES } from '../exitCodes.js';

/**
 * `opspilot ask` for "which … violate <policy>": the policy the planner mapped, audited on the live cluster — one
 * `VIOLATING: <kind>/<namespace>/<name> — reason` line per object (exit 1 when any), as `opspilot policy audit` prints.
 */
export async function answerPolicyAudit(
  outcome: Extract<PlanOutcome, { kind: 'policy-audit' }>,
  config: OpspilotConfig,
  command: Command,
  ctx: CliContext,
): Promise<void> {
  const gateway = openGateway(config, ctx.io);
  try {
    const policy = {
      id: 'ask',
      name: outcome.template,
      template: outcome.template,
      parameters: outcome.parameters,
      match: PolicyMatch.parse(outcome.match),
      enforcement: 'audit' as const,
      enabled: true,
      sentence: outcome.sentence,
    };
    const result = await auditCluster(gateway, [policy], {
      cluster: gateway.config.cluster || gateway.config.context,
      ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}),
    });
    if (result.status === 'offline') ctx.run.exitCode = EXIT_CODES.error;
    else if (result.violations.length > 0) ctx.run.exitCode = EXIT_CODES.findings;
    const json = {
      kind: 'policy-audit' as const,
      understood: outcome.understood,
      ...result,
      lines: result.violations.map(violationLine),
    };
    ctx.print(command, json, (j) => {
      if (j.status === 'offline')
        return `Understood: ${j.understood}\nOFFLINE: the cluster could not be read (${j.errors.join('; ')}).\n`;
      return `Understood: ${j.understood}\n${j.lines.length === 0 ? 'No violations.' : j.lines.join('\n')}\n`;
    });
  } finally {
    gateway.close();
  }
}
