import { objectRef, type SecurityScan } from '@opspilot/security';
import { renderColumns } from '../renderOutput.js';

/** `opspilot security scan` as text: the status and score, the posture per namespace, then the findings table. */
export function scanText(scan: SecurityScan): string {
  if (scan.status === 'offline') {
    return `Scan of ${scan.target}: OFFLINE — the cluster could not be read, so nothing is known about its posture.\n${scan.errors.map((e) => `  ${e}\n`).join('')}`;
  }
  const c = scan.counts;
  const head = `Scan of ${scan.target}: score ${scan.score ?? '-'}/100 — ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low (${scan.objects} objects)\n`;
  const namespaces =
    scan.namespaces.length === 0
      ? ''
      : `\n${renderColumns([
          ['NAMESPACE', 'SCORE', 'PSS LEVEL', 'ENFORCED', 'BREAKS BASELINE', 'BREAKS RESTRICTED', 'FINDINGS'],
          ...scan.namespaces.map((n) => [
            n.namespace,
            String(n.score),
            n.level,
            n.enforced ?? '-',
            String(n.wouldBreak.baseline.length),
            String(n.wouldBreak.restricted.length),
            String(n.findings),
          ]),
        ])}\n`;
  const warnings = scan.errors.length > 0 ? `\nNot listed: ${scan.errors.join('; ')}\n` : '';
  return `${head}${namespaces}\n${findingsText(scan.findings)}${warnings}`;
}

/** Findings as a kubectl-style table (severity, category, object, check, message). */
export function findingsText(findings: SecurityScan['findings']): string {
  if (findings.length === 0) return 'No findings.\n';
  return `${renderColumns([
    ['SEVERITY', 'CATEGORY', 'OBJECT', 'CHECK', 'MESSAGE'],
    ...findings.map((f) => [f.severity.toUpperCase(), f.category, objectRef(f.object), f.check, f.message]),
  ])}\n`;
}
