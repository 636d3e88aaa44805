import type { ClusterSnapshot } from '../ports/clusterSnapshot.js';
import type { Analyzer, AnalyzerContext } from './analyzer.js';
import type { Finding } from './finding.js';

/** An analyzer that threw (a bug in it): reported instead of aborting the run. */
export interface AnalyzerFailure {
  analyzer: string;
  error: string;
}

/**
 * An analyzer that ran on a partial view: some of its kinds could not be listed (see `ClusterSnapshot.errors`),
 * so "no findings" from it does not mean healthy.
 */
export interface AnalyzerGap {
  analyzer: string;
  kinds: string[];
}

/** Outcome of {@link runAnalyzers}. */
export interface AnalyzerRun {
  findings: Finding[];
  failures: AnalyzerFailure[];
  incomplete: AnalyzerGap[];
}

/**
 * Runs analyzers over one snapshot, each in isolation: one that throws is reported in `failures` and the others
 * still run. Analyzers that lacked some of their kinds are listed in `incomplete`, so a report never presents a
 * forbidden kind as a healthy one.
 * @example
 * const run = runAnalyzers(analyzers.list(), await gateway.snapshot(), { now: clock.now() });
 */
export function runAnalyzers(analyzers: Analyzer[], snapshot: ClusterSnapshot, ctx: AnalyzerContext): AnalyzerRun {
  const run: AnalyzerRun = { findings: [], failures: [], incomplete: [] };
  const failedKinds = new Set(snapshot.errors.map((e) => e.kind));
  for (const analyzer of analyzers) {
    const missing = analyzer.kinds.filter((kind) => failedKinds.has(kind));
    if (missing.length > 0) run.incomplete.push({ analyzer: analyzer.id, kinds: missing });
    try {
      const findings = analyzer.analyze(snapshot, ctx);
      if (!Array.isArray(findings)) throw new TypeError('analyze() did not return an array of findings');
      run.findings.push(...findings);
    } catch (error) {
      run.failures.push({ analyzer: analyzer.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}
