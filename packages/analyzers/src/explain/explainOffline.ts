import type { FindingGroup } from '../grouping/groupFindings.js';
import { ANALYZER_GUIDES } from './analyzerGuides.js';

/**
 * A readable explanation of one problem built only from its findings (no model, no network): what is wrong, the
 * usual cause, the evidence that proves it, what it breaks, and the proposed fix.
 * @example
 * for (const group of groupFindings(run.findings, snapshot)) console.log(explainOffline(group));
 */
export function explainOffline(group: FindingGroup): string {
  const root = group.rootCause;
  const guide = ANALYZER_GUIDES[root.analyzer];
  const lines = [`${root.message}.`];
  if (guide) lines.push(`Why: ${guide.cause}`);
  if (root.evidence.length > 0) {
    lines.push('Evidence:');
    for (const e of root.evidence.slice(0, 4)) {
      const detail = e.detail.length > 300 ? `${e.detail.slice(0, 300)}…` : e.detail;
      lines.push(`  - ${e.kind} ${e.source}: ${detail.replace(/\n/g, '\n    ')}`);
    }
  }
  if (group.symptoms.length > 0) {
    lines.push(`Consequences (${group.symptoms.length}):`);
    for (const s of group.symptoms.slice(0, 5)) lines.push(`  - ${s.message}`);
    if (group.symptoms.length > 5) lines.push(`  - … and ${group.symptoms.length - 5} more`);
  }
  if (guide) lines.push(`Check: ${guide.check}`);
  if (root.proposedFix) {
    lines.push(`Fix: ${root.proposedFix.description}`);
    if (root.proposedFix.command) lines.push(`  $ ${root.proposedFix.command}`);
  }
  if (root.docsUrl) lines.push(`Docs: ${root.docsUrl}`);
  return lines.join('\n');
}
