import type { AnalysisReport, ProblemReport } from '@opspilot/analyzers';
import { formatKubectlRows, kubectlAge } from '@opspilot/fleet';

/** The widest a MESSAGE cell gets in the table (the whole message is in `-o json|yaml` and the default text). */
const MESSAGE_WIDTH = 100;

/** The columns of `opspilot analyze -o wide`, one row per problem (with CLUSTER first for `--all-clusters`). */
export const PROBLEM_COLUMNS = [
  'SEVERITY',
  'NAMESPACE',
  'OBJECT',
  'ANALYZER',
  'AFFECTED',
  'FIRST SEEN',
  'LAST SEEN',
  'SEEN',
  'MESSAGE',
] as const;

/** "3h ago" as `clusters list` prints LAST SEEN; `<unknown>` when the time is missing. */
export function agoText(iso: string | undefined, now: Date): string {
  const age = kubectlAge(iso, now);
  return age.startsWith('<') ? age : `${age} ago`;
}

function oneLine(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > MESSAGE_WIDTH ? `${line.slice(0, MESSAGE_WIDTH - 1)}…` : line;
}

/**
 * One problem as a table row: its root cause's severity, namespace (`<none>` for cluster-scoped objects), object,
 * analyzer, how many objects it shows on, when its cause was first and last seen (as of the run, `now`) and in how
 * many runs, and the first line of its message.
 */
export function problemRow(p: ProblemReport, now: Date): string[] {
  const root = p.root_cause;
  return [
    p.severity,
    root.resource.namespace ?? '<none>',
    `${root.resource.kind.toLowerCase()}/${root.resource.name}`,
    root.analyzer,
    String(p.count ?? p.affected?.length ?? 1),
    agoText(p.first_seen, now),
    agoText(p.last_seen, now),
    String(p.runs ?? 1),
    oneLine(root.message),
  ];
}

/**
 * `opspilot analyze -o wide`: the problems of reports as one kubectl-style table, ages as of each report's snapshot;
 * a CLUSTER column first (the name each report is given under) when `withCluster`. `undefined` without problems.
 */
export function problemTable(
  reports: readonly { cluster: string; report: AnalysisReport }[],
  withCluster: boolean,
): string | undefined {
  const rows = reports.flatMap(({ cluster, report }) => {
    const now = new Date(report.taken_at);
    return report.problems.map((p) => (withCluster ? [cluster, ...problemRow(p, now)] : problemRow(p, now)));
  });
  if (rows.length === 0) return undefined;
  const header = withCluster ? ['CLUSTER', ...PROBLEM_COLUMNS] : [...PROBLEM_COLUMNS];
  return formatKubectlRows([header, ...rows]);
}
