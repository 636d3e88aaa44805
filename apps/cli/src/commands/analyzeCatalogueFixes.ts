import type { AnalysisReport } from '@opspilot/analyzers';
import type { ClusterGateway } from '@opspilot/core';
import { proposeFixes, remediableClasses } from '@opspilot/remediate';

/** At most this many problems ask the catalogue (each remediation reads the cluster). */
const MAX_ASKED = 20;

/**
 * Takes each problem's fix from the remediation catalogue when it has the problem's class: the catalogue is the one
 * place that knows how to fix a class, checks the fix against the finding's evidence and the live cluster, and is
 * what `opspilot fix` applies. The best-ranked candidate replaces the analyzer's own fix (kept when the catalogue
 * declines or fails) and `fix_source` names it. Changes the report in place.
 */
export async function withCatalogueFixes(
  report: AnalysisReport,
  gateway: ClusterGateway,
  now: Date,
  signal?: AbortSignal,
): Promise<void> {
  const classes = new Set(remediableClasses());
  const asked = report.problems.filter((p) => classes.has(p.root_cause.analyzer)).slice(0, MAX_ASKED);
  for (const problem of asked) {
    const root = problem.root_cause;
    const proposal = await proposeFixes(root, { gateway, now, ...(signal ? { signal } : {}) }).catch(() => undefined);
    const best = proposal?.candidates[0];
    if (!best) continue;
    root.proposedFix = {
      description: `${best.summary.charAt(0).toUpperCase()}${best.summary.slice(1)} (${best.remediation}; ${best.risk[0] ?? 'reviewed before it is applied'})`,
      command: `opspilot fix ${root.id} --remediation ${best.remediation}`,
    };
    problem.fix_source = `remediate:${best.remediation}`;
  }
}
