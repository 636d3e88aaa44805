/** The severities of analyzer findings, most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'] as const;

interface ProblemLike {
  severity: string;
  root_cause: { analyzer: string; message: string; resource: { kind: string; name: string; namespace?: string } };
}

/**
 * The problems at or above `minSeverity` whose analyzer, message or resource contains `text` (case-insensitive).
 */
export function filterProblems<P extends ProblemLike>(problems: P[], minSeverity: string, text: string): P[] {
  const limit = SEVERITIES.indexOf(minSeverity as (typeof SEVERITIES)[number]);
  const needle = text.trim().toLowerCase();
  return problems.filter((problem) => {
    const rank = SEVERITIES.indexOf(problem.severity as (typeof SEVERITIES)[number]);
    if (limit >= 0 && rank > limit) return false;
    if (!needle) return true;
    const { analyzer, message, resource } = problem.root_cause;
    return [analyzer, message, resource.kind, resource.name, resource.namespace ?? '']
      .join(' ')
      .toLowerCase()
      .includes(needle);
  });
}
