import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfigSection } from '@opspilot/config';
import { InputError, ValidationSeverity } from '@opspilot/core';
import { renderValidationText, ruleCatalog, toSarif, type ValidationReport, validateFiles } from '@opspilot/manifests';
import {
  type ImageScanReport,
  securityRuleCatalog,
  securityRuleFindings,
  splitValidateSettings,
  withFindings,
} from '@opspilot/security';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { cliColors } from '../cliColors.js';
import type { CliContext } from '../cliContext.js';
import { CLI_VERSION } from '../cliVersion.js';
import { EXIT_CODES } from '../exitCodes.js';
import { ACCEPTED_OUTPUT_FORMATS } from '../globalOptions.js';
import { renderColumns, renderOutput } from '../renderOutput.js';
import { readValidateInputs } from './validateInputs.js';
import { addRenderOptions, renderOptionsOf } from './validateRenderOptions.js';

const RANK: Record<ValidationSeverity, number> = { ERROR: 3, WARNING: 2, INFO: 1 };

/** The options of `opspilot validate` (with the global ones it reads), validated. */
const ValidateCliOptions = z.object({
  output: z.enum(ACCEPTED_OUTPUT_FORMATS).default('text'),
  strict: z.boolean().default(false),
  minSeverity: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(ValidationSeverity)
    .default('INFO'),
  listRules: z.boolean().default(false),
  config: z.string().min(1).optional(),
  color: z.boolean().default(true),
  imageReport: z.array(z.string().min(1)).default([]),
  imageMaxSeverity: z.enum(['none', 'low', 'medium', 'high', 'critical']).default('medium'),
  imageAllow: z.array(z.string().min(1)).default([]),
  requireImageScan: z.boolean().default(false),
});

/** The text of a file for the security rules (bytes as UTF-8; binary files are manifests' to report). */
function textOf(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}

/**
 * The image gate, loaded only for a run that uses it (--image-report, --require-image-scan, --list-rules): its
 * scanner-report schemas cost every other `opspilot validate` a few milliseconds to build.
 */
const imageGate = () => import('@opspilot/security');

function readReport(parseScannerReport: (text: string, file: string) => ImageScanReport, cwd: string, file: string) {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new InputError(`--image-report ${file} cannot be read`, {
      hint: 'give the path of a Trivy or Grype JSON report',
    });
  }
  return parseScannerReport(text, file);
}

/** Drops findings below `min` and recounts the summary. */
export function filterReport(report: ValidationReport, min: ValidationSeverity): ValidationReport {
  const findings = report.findings.filter((f) => RANK[f.severity] >= RANK[min]);
  const count = (s: ValidationSeverity) => findings.filter((f) => f.severity === s).length;
  return {
    ...report,
    findings,
    summary: { ...report.summary, errors: count('ERROR'), warnings: count('WARNING'), infos: count('INFO') },
  };
}

/**
 * Registers `opspilot validate PATH...`: validates Kubernetes manifests, Helm charts (rendered with helm) and
 * Dockerfiles with the rules of @opspilot/manifests and prints the findings as text (grouped by file, with fixes),
 * JSON (the ValidationReport schema), YAML or SARIF 2.1.0. Exit 0 when no shown finding reaches the threshold
 * (ERROR, or WARNING with --strict), 1 when one does, 2 on bad usage or unreadable paths.
 */
export function validateCommand(program: Command, ctx: CliContext): Command {
  return addRenderOptions(program.command('validate'))
    .description('validate Kubernetes manifests, Helm charts and Dockerfiles (schema, best practices, security)')
    .argument('[paths...]', 'files or folders (searched recursively); "-" reads standard input')
    .option('--strict', 'exit 1 on warnings too (default: only errors)')
    .addOption(
      new Option('--min-severity <severity>', 'hide findings below this severity').choices([
        'error',
        'warning',
        'info',
        'ERROR',
        'WARNING',
        'INFO',
      ]),
    )
    .option('--list-rules', 'print the rule catalogue and exit')
    .option('--image-report <file...>', 'image gate: Trivy or Grype JSON reports of the images the manifests use')
    .addOption(
      new Option('--image-max-severity <severity>', 'image gate: the most severe vulnerability tolerated').choices([
        'none',
        'low',
        'medium',
        'high',
        'critical',
      ]),
    )
    .option('--image-allow <id...>', 'image gate: advisory ids accepted (CVE-…, GHSA-…)')
    .option('--require-image-scan', 'image gate: an image without a report fails')
    .addHelpText(
      'after',
      '\nOutput: -o text|json|yaml|sarif. Rules are configured in the `validate:` section of opspilot.yaml;\n' +
        'skip rules for one object with the annotation opspilot.dev/ignore: rule-a,rule-b, and in a Dockerfile\n' +
        'with a comment "# opspilot-ignore rule-a" above the instruction.',
    )
    .action(async (paths: string[], _options: unknown, command: Command) => {
      const parsed = ValidateCliOptions.safeParse(command.optsWithGlobals());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`invalid option --${issue?.path.join('.')}: ${issue?.message}`, {
          hint: 'Run `opspilot validate --help` for the accepted values.',
        });
      }
      const opts = parsed.data;
      const { io } = ctx;
      if (opts.listRules) {
        const { IMAGE_GATE_RULE } = await imageGate();
        const rules = [
          ...ruleCatalog(),
          ...securityRuleCatalog(),
          {
            id: IMAGE_GATE_RULE,
            target: 'Kubernetes',
            category: 'security' as const,
            severity: 'ERROR' as const,
            description: 'Images must pass security scanning (with --image-report or --require-image-scan)',
          },
        ];
        const format = opts.output === 'sarif' ? 'json' : opts.output;
        io.stdout.write(
          renderOutput(rules, format, (rs) =>
            renderColumns([
              ['ID', 'TARGET', 'CATEGORY', 'SEVERITY', 'DESCRIPTION'],
              ...rs.map((r) => [r.id, r.target, r.category, r.severity, r.description]),
            ]),
          ),
        );
        return;
      }
      const validateSection = await loadConfigSection('validate', { file: opts.config, env: io.env, cwd: io.cwd });
      const files = await readValidateInputs(paths, io.cwd, () => io.stdin ?? process.stdin);
      const settings = splitValidateSettings(validateSection);
      // Helm templates are checked once rendered, by manifests' validator; the security rules read plain manifests.
      const texts = files
        .filter((f) => /\.(ya?ml|json)$|^<stdin>$/i.test(f.path) && !/(^|\/)templates\//.test(f.path))
        .map((f) => ({ path: f.path, text: textOf(f.content) }));
      const gated = opts.imageReport.length > 0 || opts.requireImageScan;
      const gate = gated ? await imageGate() : undefined;
      const reports = gate ? opts.imageReport.map((f) => readReport(gate.parseScannerReport, io.cwd, f)) : [];
      const report = filterReport(
        withFindings(
          await validateFiles(files, {
            settings: settings.manifests,
            ...renderOptionsOf(command, io.env, io.cwd, files),
          }),
          [
            ...securityRuleFindings(texts, settings.security),
            ...(gate
              ? gate.imageGateFindings(
                  texts,
                  { max_severity: opts.imageMaxSeverity, allow: opts.imageAllow, require_scan: opts.requireImageScan },
                  reports,
                )
              : []),
          ],
        ),
        opts.minSeverity,
      );
      const threshold = RANK[opts.strict ? 'WARNING' : 'ERROR'];
      if (report.findings.some((f) => RANK[f.severity] >= threshold)) ctx.run.exitCode = EXIT_CODES.findings;
      if (opts.output === 'sarif') {
        io.stdout.write(`${JSON.stringify(toSarif(report, CLI_VERSION), null, 2)}\n`);
        return;
      }
      const c = cliColors(io.stdout, io.env, opts.color);
      io.stdout.write(
        renderOutput(report, opts.output, (r) =>
          renderValidationText(r, { red: c.red, yellow: c.yellow, blue: c.blue, dim: c.dim, bold: c.bold }),
        ),
      );
    });
}
