import type { AnalysisReport, ProblemReport } from '@opspilot/analyzers';
import type { Finding, FindingSeverity } from '@opspilot/core';
import type { Colors } from '../cliColors.js';
import { agoText } from './analyzeTable.js';

function paint(c: Colors, severity: FindingSeverity, text: string): string {
  switch (severity) {
    case 'CRITICAL':
      return c.bold(c.red(text));
    case 'HIGH':
      return c.red(text);
    case 'MEDIUM':
      return c.yellow(text);
    case 'LOW':
      return c.cyan(text);
    default:
      return c.dim(text);
  }
}

function ref(f: Finding): string {
  const r = f.resource;
  return `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}

function problemText(p: ProblemReport, n: number, c: Colors, now: Date): string[] {
  const root = p.root_cause;
  const lines = [
    `${c.bold(`${n}.`)} ${paint(c, root.severity, root.severity)} ${c.bold(ref(root))} ${c.dim(`(${root.analyzer})`)}`,
  ];
  lines.push(`   ${root.message}`);
  const affected = p.affected ?? [];
  if (affected.length > 1) {
    const shown = affected.slice(0, 5).map((r) => `${r.kind}/${r.name}`);
    const more = affected.length > shown.length ? `, … ${affected.length - shown.length} more` : '';
    lines.push(`   ${c.dim(`affects ${affected.length}:`)} ${shown.join(', ')}${more}`);
  }
  if (p.first_seen) {
    // As of the run: ages from its snapshot, the run count from the stored sightings.
    const last = p.last_seen ? ` · last seen ${agoText(p.last_seen, now)}` : '';
    const runs = p.runs ?? 1;
    const seen = `first seen ${agoText(p.first_seen, now)}${last} · seen in ${runs} ${runs === 1 ? 'run' : 'runs'}`;
    lines.push(c.dim(`   ${seen}${p.identity ? ` · ${p.identity}` : ''}`));
  }
  for (const e of root.evidence.slice(0, 4)) {
    const detail = e.detail.split('\n').at(-1) ?? '';
    const space = e.source.indexOf(' ');
    const label =
      e.kind === 'field' || e.kind === 'condition' ? (space > 0 ? e.source.slice(space + 1) : e.kind) : e.kind;
    lines.push(c.dim(`   · ${label}: ${detail.length > 160 ? `${detail.slice(0, 160)}…` : detail}`));
  }
  if (root.proposedFix) {
    lines.push(`   ${c.green('fix:')} ${root.proposedFix.description}`);
    if (root.proposedFix.command) lines.push(`   ${c.green('$')} ${root.proposedFix.command}`);
  }
  if (p.symptoms.length > 0) {
    lines.push(`   ${c.dim('causes:')}`);
    for (const s of p.symptoms)
      lines.push(
        `     ${c.dim('↳')} ${paint(c, s.severity, s.severity)} ${ref(s)} ${c.dim(`(${s.analyzer})`)}: ${s.message}`,
      );
  }
  if (p.explanation) {
    lines.push(`   ${c.magenta(`explanation (${p.explanation.source}):`)}`);
    for (const l of p.explanation.text.split('\n')) lines.push(`     ${l}`);
    if (p.explanation.error) lines.push(c.dim(`     (model explanation failed: ${p.explanation.error})`));
  }
  return lines;
}

/**
 * The human form of an analysis: one numbered block per problem (root cause, evidence, fix, then the findings it
 * causes), coloured by severity on a terminal, and a summary line; notes for analyzers that failed or ran blind. Each
 * problem says when its cause was first and last seen (ages as of the snapshot) and in how many runs.
 */
export function analyzeText(report: AnalysisReport, c: Colors): string {
  const scope = report.namespace ? `namespace ${report.namespace}` : 'all namespaces';
  const out: string[] = [];
  if (report.problems.length === 0) {
    out.push(`${c.green('✓')} no problems found in ${report.cluster} (${scope}, ${report.analyzers.length} analyzers)`);
  } else {
    const now = new Date(report.taken_at);
    report.problems.forEach((p, i) => {
      out.push(...problemText(p, i + 1, c, now), '');
    });
    const counts = (Object.entries(report.summary.by_severity) as [FindingSeverity, number][])
      .filter(([, n]) => n > 0)
      .map(([s, n]) => paint(c, s, `${n} ${s.toLowerCase()}`))
      .join(', ');
    out.push(
      `${report.summary.problems} problems (${counts}) from ${report.summary.findings} findings in ${report.cluster} (${scope})`,
    );
  }
  for (const f of report.failures) out.push(c.yellow(`warning: analyzer ${f.analyzer} failed: ${f.error}`));
  if (report.snapshot_errors.length > 0) {
    out.push(
      c.yellow(`note: could not list ${report.snapshot_errors.map((e) => `${e.kind} (${e.error})`).join(', ')}`),
    );
    out.push(c.dim(`      analyzers with a partial view: ${report.incomplete.map((i) => i.analyzer).join(', ')}`));
  }
  return `${out.join('\n')}\n`;
}
