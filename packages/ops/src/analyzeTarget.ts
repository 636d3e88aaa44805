import { analyzeSnapshot, BUILTIN_ANALYZERS, kindsFor, type ProblemReport } from '@opspilot/analyzers';
import type { Clock, ClusterGateway, Finding, PlanStep } from '@opspilot/core';

type AnalyzeStep = Extract<PlanStep, { op: 'analyze' }>;

const about = (finding: Finding, name: string) =>
  finding.resource.name === name || finding.resource.name.startsWith(`${name}-`);

/**
 * Answers "what's wrong with X" / "why is X pending": snapshots X's namespace, runs the built-in analyzers, keeps the
 * problems whose root cause or symptoms concern X (or the pods and replica sets named after it) and writes them as
 * text — root cause, symptoms, evidence, the proposed fix and its documentation. Nothing wrong is said plainly.
 */
export async function analyzeTarget(gateway: ClusterGateway, clock: Clock, step: AnalyzeStep): Promise<string> {
  const namespace = step.target?.namespace ?? step.namespace;
  const snapshot = await gateway.snapshot({ kinds: kindsFor(BUILTIN_ANALYZERS), ...(namespace ? { namespace } : {}) });
  const { report } = analyzeSnapshot(snapshot, { now: clock.now(), ...(namespace ? { namespace } : {}) });
  const name = step.target?.name;
  const problems = name
    ? report.problems.filter((p) => about(p.root_cause, name) || p.symptoms.some((s) => about(s, name)))
    : report.problems;
  const subject = step.target
    ? `${step.target.kind.toLowerCase()} ${namespace ? `${namespace}/` : ''}${name}`
    : `namespace ${namespace ?? 'all'}`;
  if (problems.length === 0) return `No problems found with ${subject}.`;
  return [`${problems.length} problem(s) with ${subject}:`, ...problems.map(describe)].join('\n\n');
}

function describe(problem: ProblemReport, index: number): string {
  const root = problem.root_cause;
  const lines = [
    `${index + 1}. [${problem.severity}] ${root.resource.kind} ${root.resource.namespace ? `${root.resource.namespace}/` : ''}${root.resource.name}: ${root.message}`,
    ...root.evidence.map((e) => `   evidence (${e.kind} ${e.source}): ${e.detail}`),
    ...problem.symptoms.map((s) => `   symptom: ${s.resource.kind} ${s.resource.name}: ${s.message}`),
  ];
  if (root.proposedFix) {
    lines.push(`   fix: ${root.proposedFix.description}`);
    if (root.proposedFix.command) lines.push(`   $ ${root.proposedFix.command}`);
  }
  if (root.docsUrl) lines.push(`   docs: ${root.docsUrl}`);
  return lines.join('\n');
}
