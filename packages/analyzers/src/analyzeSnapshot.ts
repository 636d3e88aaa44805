import { type Analyzer, type ClusterSnapshot, type FindingSeverity, runAnalyzers } from '@opspilot/core';
import type { AnalysisReport } from './analysisReport.js';
import { BUILTIN_ANALYZERS } from './builtinAnalyzers.js';
import { type FindingGroup, groupFindings } from './grouping/groupFindings.js';
import type { ProblemHistory } from './grouping/problemHistory.js';

/** Options of {@link analyzeSnapshot}. */
export interface AnalyzeOptions {
  /** The time ages are judged against (the `Clock` port's now). */
  now: Date;
  /** The analyzers to run; all built-ins when missing. */
  analyzers?: readonly Analyzer[];
  /** Keep only findings in this namespace (and cluster-scoped ones). */
  namespace?: string;
  /** Earlier sightings of causes: kept problems keep their first-seen time; this run's sightings are recorded. */
  history?: ProblemHistory;
}

/** The groups of a run with the report built from them. */
export interface Analysis {
  report: AnalysisReport;
  groups: FindingGroup[];
}

/**
 * Runs the analyzers over a snapshot (each isolated), groups the findings by root cause and builds the
 * {@link AnalysisReport}. Pure and synchronous: the caller takes the snapshot and adds explanations.
 * @example
 * const { report, groups } = analyzeSnapshot(await gateway.snapshot(), { now: clock.now() });
 */
export function analyzeSnapshot(snapshot: ClusterSnapshot, options: AnalyzeOptions): Analysis {
  const analyzers = options.analyzers ?? BUILTIN_ANALYZERS;
  const run = runAnalyzers([...analyzers], snapshot, { now: options.now, namespace: options.namespace });
  const findings = options.namespace
    ? run.findings.filter((f) => f.resource.namespace === undefined || f.resource.namespace === options.namespace)
    : run.findings;
  const groups = groupFindings(findings, snapshot, options.history ? { history: options.history } : {});
  const bySeverity: Record<FindingSeverity, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFO: 0 };
  for (const g of groups) bySeverity[g.severity] += 1;
  return {
    groups,
    report: {
      cluster: snapshot.cluster,
      taken_at: snapshot.takenAt,
      namespace: options.namespace ?? null,
      analyzers: analyzers.map((a) => a.id),
      summary: { problems: groups.length, findings: findings.length, by_severity: bySeverity },
      problems: groups.map((g) => ({
        id: g.id,
        severity: g.severity,
        root_cause: g.rootCause,
        symptoms: g.symptoms,
        identity: g.identity,
        class: g.class,
        root_object: g.rootObject,
        affected: g.affected,
        count: g.count,
        first_seen: g.firstSeen,
        last_seen: g.lastSeen,
        runs: g.runs,
      })),
      failures: run.failures,
      incomplete: run.incomplete,
      snapshot_errors: snapshot.errors,
    },
  };
}
