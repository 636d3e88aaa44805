import { z } from 'zod';
import type { ClusterSnapshot } from '../ports/clusterGateway.js';
import { ObjectRef } from '../ports/kubeObject.js';
import { PluginId, parseDefinition } from './pluginId.js';

/** Severity of a finding. */
export const FindingSeverity = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']);

/** What a finding rests on: the event, condition, field, log line or metric that proves it. */
export const Evidence = z.object({
  kind: z.enum(['event', 'condition', 'field', 'log', 'metric']),
  source: z.string(),
  detail: z.string(),
});

/** A concrete fix: a patch or a command. */
export const ProposedFix = z.object({
  description: z.string().min(1),
  patch: z.object({ type: z.enum(['merge', 'strategic', 'json']), body: z.unknown() }).optional(),
  command: z.string().optional(),
});

/** One problem found by an analyzer. `sensitive` lists values to mask before anything reaches a model. */
export const Finding = z.object({
  id: z.string().min(1),
  analyzer: z.string().min(1),
  severity: FindingSeverity,
  resource: ObjectRef,
  message: z.string().min(1),
  evidence: z.array(Evidence).default([]),
  sensitive: z.array(z.string()).default([]),
  proposedFix: ProposedFix.optional(),
  docsUrl: z.url().optional(),
  /** Ids of findings that are symptoms of this one (grouping by root cause). */
  rootCauseOf: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof Finding>;

/** Context handed to analyzers. */
export interface AnalyzerContext {
  now: Date;
  namespace?: string;
}

/** A diagnosis analyzer: a pure function over a cluster snapshot. It throws only for a bug. */
export interface Analyzer {
  id: string;
  kinds: string[];
  description?: string;
  analyze(snapshot: ClusterSnapshot, ctx: AnalyzerContext): Finding[];
}

const AnalyzerDefinition = z.object({
  id: PluginId,
  kinds: z.array(z.string().min(1)).min(1, 'name at least one kind'),
  description: z.string().optional(),
  analyze: z.custom<Analyzer['analyze']>((v) => typeof v === 'function', 'must be a function'),
});

/**
 * Declares an analyzer, checking its definition.
 * @example
 * export const podCrashLoop = defineAnalyzer({
 *   id: 'pod-crash-loop',
 *   kinds: ['Pod'],
 *   analyze: (snapshot) => [],
 * });
 */
export function defineAnalyzer(definition: Analyzer): Analyzer {
  return parseDefinition('analyzer', AnalyzerDefinition, definition) as Analyzer;
}

/** Outcome of {@link runAnalyzers}: all findings plus the analyzers that failed. */
export interface AnalyzerRun {
  findings: Finding[];
  failures: { analyzer: string; error: string }[];
}

/** Runs every analyzer in isolation: one that throws is reported in `failures` and the others still run. */
export function runAnalyzers(analyzers: Analyzer[], snapshot: ClusterSnapshot, ctx: AnalyzerContext): AnalyzerRun {
  const run: AnalyzerRun = { findings: [], failures: [] };
  for (const analyzer of analyzers) {
    try {
      run.findings.push(...analyzer.analyze(snapshot, ctx));
    } catch (error) {
      run.failures.push({ analyzer: analyzer.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}
