import { JsonObject, ObjectRef, Timestamp } from '@opspilot/core';
import { z } from 'zod';

/** What kind of thing a candidate cause is. */
export const CauseKind = z.enum([
  'bad-rollout',
  'config-change',
  'secret-change',
  'scaling-change',
  'oom',
  'node-failure',
  'saturation',
  'noisy-neighbour',
  'finding',
]);
export type CauseKind = z.infer<typeof CauseKind>;

/**
 * One piece of evidence behind a cause, with where it came from: our audit log (`audit`, naming the entry), a change
 * seen in the cluster (`change`), an analyzer finding, an event, a log line (untrusted cluster text), a metric, a
 * span of a trace, or one of the incident's signals.
 */
export const CauseEvidence = z.object({
  kind: z.enum(['audit', 'change', 'finding', 'event', 'log', 'metric', 'trace', 'signal']),
  source: z.string().min(1),
  detail: z.string(),
  at: Timestamp.optional(),
});
export type CauseEvidence = z.infer<typeof CauseEvidence>;

/** A runbook suggested for a cause, with the input it would start with. */
export const SuggestedRunbook = z.object({ name: z.string().min(1), input: JsonObject.default({}) });
export type SuggestedRunbook = z.infer<typeof SuggestedRunbook>;

/** A ranked candidate cause of an incident: what, on which object, how sure, on what evidence, and what to run. */
export const Cause = z.object({
  id: z.string().min(1),
  kind: CauseKind,
  summary: z.string().min(1),
  subject: ObjectRef,
  /** From 0 to 1: how well the evidence supports it (deterministic; see `rankCauses`). */
  confidence: z.number().min(0).max(1),
  evidence: z.array(CauseEvidence),
  runbook: SuggestedRunbook.optional(),
});
export type Cause = z.infer<typeof Cause>;

/** The analysis of an incident: its causes, best first, and when it was made. */
export const RootCauseAnalysis = z.object({
  incident_id: z.string().min(1),
  analyzed_at: Timestamp,
  first_signal_at: Timestamp,
  causes: z.array(Cause),
});
export type RootCauseAnalysis = z.infer<typeof RootCauseAnalysis>;
