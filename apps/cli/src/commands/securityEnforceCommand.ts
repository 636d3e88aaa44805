import { InputError, NotFoundError } from '@opspilot/core';
import { type EnforcementMode, enforcementPlan } from '@opspilot/security';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { reviewActor } from './reviewActor.js';
import { runSecurityPlan } from './securityOperation.js';
import { storedPolicies } from './securityPoliciesCommand.js';

const EnforceOptions = z.object({
  mode: z.enum(['deny', 'warn', 'audit']).optional(),
  yes: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  user: z.string().optional(),
});

/**
 * Registers `opspilot security policies enforce NAME [--mode deny|warn|audit]`: the policy's ValidatingAdmissionPolicy
 * and binding applied to the CLI's cluster as an operation — planned, dry-run by the API server with its diff,
 * approved (`--yes` or the prompt; `--dry-run` only shows it), applied, verified and audited as
 * `security.policy.enforce`.
 */
export function securityEnforceCommand(group: Command, ctx: CliContext): Command {
  return group
    .command('enforce')
    .description('enforce a stored policy at admission (ValidatingAdmissionPolicy + binding) through review')
    .argument('<name>', 'policy name')
    .option('--mode <mode>', 'deny, warn or audit (default: the policy’s enforcement)')
    .option('-y, --yes', 'approve without asking')
    .option('--dry-run', 'show the objects and their diff, change nothing')
    .option('--user <name>', 'who enforces, for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (name: string, raw: unknown, command: Command) => {
      const parsed = EnforceOptions.safeParse(raw);
      if (!parsed.success)
        throw new InputError(`invalid --mode ${(raw as { mode?: string }).mode}`, { hint: 'deny, warn or audit' });
      const options = parsed.data;
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      const user = reviewActor(options.user, ctx.io.env);
      try {
        await withStore(config, ctx.io.cwd, async (store) => {
          const policy = (await storedPolicies(store)).find((p) => p.name === name);
          if (!policy) throw new NotFoundError(`no policy named ${name}`, { hint: 'run `opspilot security policies`' });
          const mode: EnforcementMode = options.mode ?? policy.enforcement;
          const plan = enforcementPlan(policy, mode);
          await runSecurityPlan(
            ctx,
            command,
            store,
            gateway,
            {
              request: `enforce policy ${policy.name} (${mode})`,
              summary: plan.summary,
              steps: plan.steps,
              assumptions: [`${policy.template} ${JSON.stringify(policy.parameters)}`],
              planner: `security:enforce:${policy.template}`,
            },
            {
              yes: options.yes,
              dryRun: options.dryRun,
              user,
              audit: {
                action: 'security.policy.enforce',
                target: `policy/${policy.name}`,
                details: { template: policy.template, mode },
              },
            },
          );
        });
      } finally {
        gateway.close();
      }
    });
}
