import type { Finding } from '@opspilot/core';
import type { RemediationCandidate } from '@opspilot/remediate';
import type { Colors } from '../cliColors.js';

/** What `opspilot fix -o json|yaml` prints. */
export interface FixJson {
  finding: Finding;
  candidates: RemediationCandidate[];
  declined: string[];
  /** What the ranking learned per remediation on this finding class (success rate 0 to 1, runs). */
  learned?: Record<string, { rate: number; runs: number }>;
  status: 'DRY_RUN' | 'NO_FIX' | 'VERIFIED' | 'ROLLED_BACK' | 'FAILED' | 'ABANDONED';
  message?: string;
  operationId?: string | null;
}

const learnedOf = (json: FixJson, remediation: string) => {
  const learned = json.learned?.[remediation];
  return learned ? `, learned ${Math.round(learned.rate * 100)}% of ${learned.runs} run(s)` : '';
};

/** The finding, each candidate fix (summary, evidence, exact difference, risk, alternatives) and why others declined. */
export function fixText(json: FixJson, c: Colors): string {
  const lines = [`${c.bold('Finding')}: ${json.finding.id}`, `  ${json.finding.message}`];
  json.candidates.forEach((candidate, i) => {
    lines.push(
      `${c.bold(`Fix ${i + 1}`)} (${candidate.remediation}, confidence ${Math.round(candidate.confidence * 100)}%${learnedOf(json, candidate.remediation)}): ${candidate.summary}`,
      ...candidate.evidence.map((e) => `  ${c.dim('evidence')} ${e.source}: ${e.detail}`),
      ...candidate.revision_diff.map((d) => `  ${c.dim('changes')} ${d}`),
      ...candidate.risk.map((r) => `  ${c.dim('risk')} ${r}`),
      ...candidate.alternatives.map((a) => `  ${c.dim('or')} ${a}`),
    );
  });
  if (json.candidates.length === 0) lines.push(c.red('No fix to propose.'));
  lines.push(...json.declined.map((d) => `${c.dim('no candidate from')} ${d}`));
  if (json.status === 'DRY_RUN') lines.push(c.dim('dry run: nothing was changed'));
  return `${lines.join('\n')}\n`;
}
