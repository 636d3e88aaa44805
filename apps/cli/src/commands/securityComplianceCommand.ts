import { InputError, systemClock } from '@opspilot/core';
import { complianceHtml, complianceMarkdown, complianceReport, FRAMEWORKS, frameworkOf } from '@opspilot/security';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { EXIT_CODES } from '../exitCodes.js';
import { withStore } from '../openCliStore.js';
import { renderColumns, renderOutput } from '../renderOutput.js';
import { loadSecurityConfig, scanTarget } from './securityInputs.js';

const EXPORTS = ['markdown', 'html'] as const;

/**
 * Registers `opspilot security compliance [paths...] --framework F [--export markdown|html]`: scans the cluster (or the
 * files) and checks a framework's controls — CIS, NSA_CISA, SOC2, HIPAA, PCI_DSS — as a table, `-o json|yaml`, or a
 * Markdown/HTML export; the report is kept in the local store for its history. Exit 1 when a control fails, 2 offline.
 */
export function securityComplianceCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('compliance')
    .description('check a compliance framework against a fresh scan (CIS, NSA_CISA, SOC2, HIPAA, PCI_DSS)')
    .argument('[paths...]', 'manifest files or folders to check instead of the cluster')
    .option('--framework <id>', `one of ${FRAMEWORKS.map((f) => f.id).join(', ')}`, 'CIS')
    .option('--export <format>', 'markdown or html instead of the table')
    .action(async (paths: string[], o: { framework: string; export?: string }, command: Command) => {
      const framework = frameworkOf(o.framework);
      if (o.export && !EXPORTS.includes(o.export as (typeof EXPORTS)[number])) {
        throw new InputError(`invalid --export ${o.export}`, { hint: 'markdown or html (or -o json|yaml)' });
      }
      const config = await loadSecurityConfig(ctx, command);
      const scan = await scanTarget(ctx, config, paths);
      const report = complianceReport(scan, framework, (ctx.io.clock ?? systemClock).now());
      if (paths.length === 0 && scan.status === 'completed') {
        await withStore(config, ctx.io.cwd, (store) =>
          store.complianceReports.create({
            framework: report.framework,
            controls: report.controls,
            score: report.score,
            generated_at: report.generatedAt,
          }),
        );
      }
      if (scan.status !== 'completed') ctx.run.exitCode = EXIT_CODES.error;
      else if (report.controls.some((c) => c.status === 'FAIL')) ctx.run.exitCode = EXIT_CODES.findings;
      if (o.export === 'markdown') return void ctx.io.stdout.write(complianceMarkdown(report));
      if (o.export === 'html') return void ctx.io.stdout.write(complianceHtml(report));
      const format = (command.optsWithGlobals() as { output?: string }).output;
      ctx.io.stdout.write(
        renderOutput(report, format === 'json' || format === 'yaml' ? format : 'text', (r) =>
          scan.status !== 'completed'
            ? `${r.title}: the scan is ${scan.status.toUpperCase()} (${scan.errors.join('; ')}); no control can be judged.\n`
            : `${r.title} — ${r.target}: score ${r.score}/100\n\n${renderColumns([
                ['CONTROL', 'STATUS', 'TITLE', 'EVIDENCE'],
                ...r.controls.map((c) => [
                  c.id,
                  c.status,
                  c.title,
                  c.evidence.length > 100 ? `${c.evidence.slice(0, 99)}…` : c.evidence,
                ]),
              ])}\n`,
        ),
      );
    });
}
