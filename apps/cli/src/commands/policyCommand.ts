import { InputError, NotFoundError } from '@opspilot/core';
import {
  auditCluster,
  auditPolicies,
  mapPolicySentence,
  type PolicyViolation,
  type SecurityPolicy,
  violationLine,
  violationsToSarif,
} from '@opspilot/security';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { CLI_VERSION } from '../cliVersion.js';
import { openGateway } from '../clusterAccess.js';
import { EXIT_CODES } from '../exitCodes.js';
import { ACCEPTED_OUTPUT_FORMATS } from '../globalOptions.js';
import { withStore } from '../openCliStore.js';
import { renderOutput } from '../renderOutput.js';
import { fileObjects, loadSecurityConfig } from './securityInputs.js';
import { storedPolicies } from './securityPoliciesCommand.js';

const AuditOptions = z.object({
  output: z.enum(ACCEPTED_OUTPUT_FORMATS).default('text'),
  sentence: z.string().min(1).optional(),
  policy: z.array(z.string()).optional(),
});

async function policiesFor(
  ctx: CliContext,
  command: Command,
  o: z.infer<typeof AuditOptions>,
): Promise<SecurityPolicy[]> {
  if (o.sentence) {
    const m = mapPolicySentence(o.sentence);
    if (!m.ok) {
      throw new InputError(m.reason, {
        hint: `closest templates: ${m.closest.map((c) => `${c.template} (${c.title})`).join(', ') || 'none'}`,
      });
    }
    return [
      {
        id: 'sentence',
        name: m.template,
        template: m.template,
        parameters: m.parameters,
        match: m.match,
        enforcement: 'audit',
        enabled: true,
        sentence: o.sentence,
      },
    ];
  }
  const all = await withStore(await loadSecurityConfig(ctx, command), ctx.io.cwd, storedPolicies);
  const chosen = o.policy ? all.filter((p) => o.policy?.includes(p.name)) : all.filter((p) => p.enabled);
  if (chosen.length === 0) {
    throw new NotFoundError(o.policy ? `no policy named ${o.policy.join(', ')}` : 'no policies stored', {
      hint: 'add one with `opspilot security policies add NAME --sentence "..."`, or pass --sentence',
    });
  }
  return chosen;
}

/**
 * Registers `opspilot policy audit [paths...]`: which objects of the live cluster (or of the files) violate the stored
 * policies or one plain-English `--sentence` — one `VIOLATING: <kind>/<namespace>/<name> — reason` line each; `-o
 * json|yaml|sarif`. Exit 1 on violations, 2 when the cluster cannot be read.
 */
export function policyCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('policy').description('audit the cluster or manifests against policies');
  group
    .command('audit')
    .description('list the objects that violate the policies (stored ones, or --sentence)')
    .argument('[paths...]', 'manifest files or folders to audit instead of the cluster')
    .option('--sentence <text>', 'a plain-English policy, e.g. "images must come from ghcr.io/acme"')
    .option('--policy <name>', 'only this stored policy (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .action(async (paths: string[], _o: unknown, command: Command) => {
      const parsed = AuditOptions.safeParse(command.optsWithGlobals());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid --${String(issue?.path[0])}: ${issue?.message}`, {
          hint: 'see opspilot policy audit --help',
        });
      }
      const o = parsed.data;
      const policies = await policiesFor(ctx, command, o);
      let violations: PolicyViolation[];
      let status: 'completed' | 'offline' = 'completed';
      let errors: string[] = [];
      if (paths.length > 0) {
        violations = auditPolicies(policies, await fileObjects(ctx, paths));
      } else {
        const config = await loadSecurityConfig(ctx, command);
        const gateway = openGateway(config, ctx.io);
        try {
          const result = await auditCluster(gateway, policies, {
            cluster: gateway.config.cluster || gateway.config.context,
            ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}),
          });
          ({ violations, status, errors } = result);
        } finally {
          gateway.close();
        }
      }
      if (status === 'offline') ctx.run.exitCode = EXIT_CODES.error;
      else if (violations.length > 0) ctx.run.exitCode = EXIT_CODES.findings;
      const lines = violations.map(violationLine);
      if (o.output === 'sarif') {
        ctx.io.stdout.write(
          `${JSON.stringify(violationsToSarif(violations, CLI_VERSION, paths[0] ?? 'cluster:'), null, 2)}\n`,
        );
        return;
      }
      const data = {
        apiVersion: 'v1',
        kind: 'PolicyAudit',
        status,
        policies: policies.map((p) => p.name),
        violations,
        errors,
      };
      ctx.io.stdout.write(
        renderOutput(data, o.output, () => {
          if (status === 'offline')
            return `OFFLINE: the cluster could not be read (${errors.join('; ')}); nothing is known about its compliance.\n`;
          return lines.length === 0 ? `No violations of ${data.policies.join(', ')}.\n` : `${lines.join('\n')}\n`;
        }),
      );
    });
  return group;
}
