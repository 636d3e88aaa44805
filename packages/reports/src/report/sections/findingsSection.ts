import type { ReportSection } from '../reportDocument.js';
import type { AnalysisFinding } from '../reportSources.js';

const RANK: Record<string, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 };

/** What the analyzers find now, worst first, with counts by severity. */
export function findingsSection(findings: AnalysisFinding[]): Omit<ReportSection, 'id' | 'source' | 'status'> {
  const sorted = [...findings].sort(
    (a, b) => (RANK[a.severity] ?? 9) - (RANK[b.severity] ?? 9) || a.resource.localeCompare(b.resource),
  );
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return {
    title: 'Cluster analysis',
    summary: [
      findings.length === 0
        ? 'The analyzers found no problem.'
        : `The analyzers found ${findings.length} problem${findings.length === 1 ? '' : 's'}.`,
    ],
    metrics: [...counts].map(([label, n]) => ({ label, value: String(n) })),
    tables: [
      {
        columns: ['Cluster', 'Severity', 'Resource', 'Finding'],
        rows: sorted.slice(0, 100).map((f) => [f.cluster, f.severity, f.resource, f.message]),
      },
    ],
  };
}
