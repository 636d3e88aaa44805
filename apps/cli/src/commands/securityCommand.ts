import { InputError, NotFoundError } from '@opspilot/core';
import {
  findingsToSarif,
  recordScan,
  SEVERITY_ORDER,
  type SecurityScan,
  SecuritySeverity,
  scanFromRow,
} from '@opspilot/security';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { CLI_VERSION } from '../cliVersion.js';
import { EXIT_CODES } from '../exitCodes.js';
import { ACCEPTED_OUTPUT_FORMATS } from '../globalOptions.js';
import { withStore } from '../openCliStore.js';
import { renderOutput } from '../renderOutput.js';
import { securityComplianceCommand } from './securityComplianceCommand.js';
import { securityEnforceCommand } from './securityEnforceCommand.js';
import { securityFixCommand } from './securityFixCommand.js';
import { securityImagesCommand } from './securityImagesCommand.js';
import { loadSecurityConfig, scanTarget } from './securityInputs.js';
import { securityPoliciesCommand } from './securityPoliciesCommand.js';
import { securitySchedulesCommand } from './securitySchedulesCommand.js';
import { securitySecretsCommand } from './securitySecretsCommand.js';
import { findingsText, scanText } from './securityText.js';
import { securityVerifyCommand } from './securityVerifyCommand.js';

const ScanOptions = z.object({
  output: z.enum(ACCEPTED_OUTPUT_FORMATS).default('text'),
  failOn: SecuritySeverity.default('high'),
  save: z.boolean().default(true),
});

const FindingsOptions = z.object({
  output: z.enum(ACCEPTED_OUTPUT_FORMATS).default('text'),
  severity: SecuritySeverity.optional(),
  category: z.string().optional(),
});

function parse<T extends z.ZodType>(schema: T, raw: unknown, help: string): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`invalid --${String(issue?.path[0])}: ${issue?.message}`, { hint: `see ${help} --help` });
  }
  return parsed.data;
}

function write(
  ctx: CliContext,
  format: z.infer<typeof ScanOptions>['output'],
  data: unknown,
  sarif: () => unknown,
  text: () => string,
) {
  if (format === 'sarif') ctx.io.stdout.write(`${JSON.stringify(sarif(), null, 2)}\n`);
  else ctx.io.stdout.write(renderOutput(data, format, text));
}

/**
 * Registers `opspilot security scan|findings|policies`: the live posture of the cluster the CLI talks to (or of
 * manifest files) with the same checks as the server, stored locally so `findings` shows the latest; `-o
 * json|yaml|sarif`. A scan exits 1 when a finding reaches `--fail-on` (default high) and 2 when the cluster is
 * offline.
 */
export function securityCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('security')
    .description('security posture of the cluster or of manifests: scan, findings, policies, compliance');
  group
    .command('scan')
    .description('scan the live cluster (or the files given) for PSS, RBAC, network, secrets, image and exposure risks')
    .argument('[paths...]', 'manifest files or folders to scan instead of the cluster ("-" reads standard input)')
    .option(
      '--fail-on <severity>',
      'exit 1 when a finding is at least this severe: critical, high, medium, low',
      'high',
    )
    .option('--no-save', 'do not keep the scan in the local store')
    .action(async (paths: string[], _o: unknown, command: Command) => {
      const opts = parse(ScanOptions, command.optsWithGlobals(), 'opspilot security scan');
      const config = await loadSecurityConfig(ctx, command);
      const scan = await scanTarget(ctx, config, paths);
      if (opts.save && paths.length === 0) {
        await withStore(config, ctx.io.cwd, (store) => recordScan(store, scan));
      }
      if (scan.status === 'offline') ctx.run.exitCode = EXIT_CODES.error;
      else if (scan.findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) <= SEVERITY_ORDER.indexOf(opts.failOn)))
        ctx.run.exitCode = EXIT_CODES.findings;
      write(
        ctx,
        opts.output,
        scan,
        () => findingsToSarif(scan.findings, CLI_VERSION),
        () => scanText(scan),
      );
    });
  group
    .command('findings')
    .description('the findings of the latest stored scan')
    .option('--severity <severity>', 'only this severity: critical, high, medium, low')
    .option(
      '--category <category>',
      'only this category: pod-security, rbac, network, secrets, images, exposure, hardening',
    )
    .action(async (_o: unknown, command: Command) => {
      const opts = parse(FindingsOptions, command.optsWithGlobals(), 'opspilot security findings');
      const config = await loadSecurityConfig(ctx, command);
      const scan: SecurityScan = await withStore(config, ctx.io.cwd, async (store) => {
        const [row] = (await store.securityScans.list({ scan_type: 'KUBERNETES' }, { page_size: 1 })).items;
        if (!row)
          throw new NotFoundError('no security scan stored yet', { hint: 'run `opspilot security scan` first' });
        const rows = await store.securityFindings.list({ scan_id: row.id }, { page_size: 100 });
        const all = [...rows.items];
        for (let page = 2; page <= rows.total_pages; page++)
          all.push(...(await store.securityFindings.list({ scan_id: row.id }, { page, page_size: 100 })).items);
        return scanFromRow(row, all);
      });
      const findings = scan.findings.filter(
        (f) => (!opts.severity || f.severity === opts.severity) && (!opts.category || f.category === opts.category),
      );
      write(
        ctx,
        opts.output,
        { apiVersion: 'v1', kind: 'SecurityFindingList', scan: scan.id, target: scan.target, items: findings },
        () => findingsToSarif(findings, CLI_VERSION),
        () => findingsText(findings),
      );
    });
  securityEnforceCommand(securityPoliciesCommand(group, ctx), ctx);
  securityComplianceCommand(group, ctx);
  securityImagesCommand(group, ctx);
  securityFixCommand(group, ctx);
  securitySecretsCommand(group, ctx);
  securitySchedulesCommand(group, ctx);
  securityVerifyCommand(group, ctx);
  return group;
}
