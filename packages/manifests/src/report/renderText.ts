import type { Finding, ValidationReport } from '../validate/types.js';

/** Colour functions for text output (identity when colour is off). */
export interface TextStyle {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const plain: TextStyle = { red: (s) => s, yellow: (s) => s, blue: (s) => s, dim: (s) => s, bold: (s) => s };

function label(f: Finding, style: TextStyle): string {
  if (f.severity === 'ERROR') return style.red('error');
  if (f.severity === 'WARNING') return style.yellow('warning');
  return style.blue('info');
}

/**
 * The human-readable report: findings grouped by file, each with `line:column`, severity, message, rule id and
 * the fix, then a one-line summary.
 * @example
 * k8s/web.yaml
 *   15:9  warning  container "web" uses the latest tag (nginx:latest)  [image-latest-tag]
 *         fix: pin the image to a version tag (e.g. app:1.4.2) or a digest
 */
export function renderValidationText(report: ValidationReport, style: TextStyle = plain): string {
  const out: string[] = [];
  let current: string | undefined;
  for (const f of report.findings) {
    if (f.file !== current) {
      if (current !== undefined) out.push('');
      out.push(style.bold(f.file));
      current = f.file;
    }
    const where = `${f.line ?? 1}:${f.column ?? 1}`.padEnd(7);
    const resource = f.resource ? ` ${style.dim(`(${f.resource})`)}` : '';
    out.push(`  ${where} ${label(f, style).padEnd(7)}  ${f.message}${resource}  ${style.dim(`[${f.rule}]`)}`);
    if (f.fix) out.push(`  ${' '.repeat(7)} ${style.dim(`fix: ${f.fix}`)}`);
  }
  if (out.length > 0) out.push('');
  const s = report.summary;
  const problems = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info`;
  out.push(
    `${s.files} file${s.files === 1 ? '' : 's'}, ${s.resources} resource${s.resources === 1 ? '' : 's'}: ${
      report.findings.length === 0 ? 'no problems' : problems
    }`,
  );
  return `${out.join('\n')}\n`;
}
