import { Finding, FindingSeverity, ObjectRef, SnapshotError } from '@opspilot/core';
import { z } from 'zod';

/** The explanation attached to a group with `--explain`. */
export const ExplanationReport = z.object({
  source: z.enum(['offline', 'model']),
  text: z.string(),
  /** Why the model's explanation was not used, when it was asked for and failed. */
  error: z.string().optional(),
});

/** One problem: its root-cause finding and the findings that are its symptoms. */
export const ProblemReport = z.object({
  /** The id of the root-cause finding. */
  id: z.string(),
  /** The most severe severity among its findings. */
  severity: FindingSeverity,
  root_cause: Finding,
  symptoms: z.array(Finding),
  explanation: ExplanationReport.optional(),
  /** Stable across runs: the cause's class and root object, e.g. `pod-crash-loop:daemonset/kube-system/agent`. */
  identity: z.string().optional(),
  /** The finding class of the cause (the analyzer id). */
  class: z.string().optional(),
  /** The object the cause belongs to: a pod's top-level workload, else the root cause's object. */
  root_object: ObjectRef.optional(),
  /** The objects the cause shows on (three pods of a DaemonSet), one entry each. */
  affected: z.array(ObjectRef).optional(),
  /** How many objects the cause shows on (`affected.length`). */
  count: z.number().int().nonnegative().optional(),
  /** When the cause was first seen (ISO 8601): from earlier runs when known, else its earliest event or object. */
  first_seen: z.string().optional(),
  /** When it was last seen: the snapshot's time. */
  last_seen: z.string().optional(),
  /** How many analysis runs saw the cause, this one included (from `finding_sightings` where the store keeps them). */
  runs: z.number().int().positive().optional(),
  /** Where the root cause's fix comes from: `remediate:<remediation id>` when the catalogue gave it, else the analyzer. */
  fix_source: z.string().optional(),
});
export type ProblemReport = z.infer<typeof ProblemReport>;

/**
 * The result of `opspilot analyze` (`-o json|yaml`) and of the server's analysis endpoint: the problems found,
 * grouped by root cause, most severe first, plus what could not be checked. Documented in the package README.
 */
export const AnalysisReport = z.object({
  cluster: z.string(),
  /** When the snapshot was taken (ISO 8601 UTC). */
  taken_at: z.string(),
  /** The namespace analysed, or null for all namespaces. */
  namespace: z.string().nullable(),
  /** Ids of the analyzers that ran. */
  analyzers: z.array(z.string()),
  summary: z.object({
    /** Number of problems (groups). */
    problems: z.number().int().nonnegative(),
    /** Number of findings, symptoms included. */
    findings: z.number().int().nonnegative(),
    by_severity: z.record(FindingSeverity, z.number().int().nonnegative()),
  }),
  problems: z.array(ProblemReport),
  /** Analyzers that threw (a bug in them); the others still ran. */
  failures: z.array(z.object({ analyzer: z.string(), error: z.string() })),
  /** Analyzers that ran without some of their kinds (e.g. Secrets forbidden): silence from them is not health. */
  incomplete: z.array(z.object({ analyzer: z.string(), kinds: z.array(z.string()) })),
  /** Kinds the snapshot could not list, and why. */
  snapshot_errors: z.array(SnapshotError),
});
export type AnalysisReport = z.infer<typeof AnalysisReport>;

/** The JSON Schema of {@link AnalysisReport}, for consumers of `opspilot analyze -o json`. */
export function analysisReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(AnalysisReport, { io: 'output' }) as Record<string, unknown>;
}
