import { z } from 'zod';
import { ObjectRef } from '../ports/kubeObject.js';

/** How bad a finding is; CRITICAL means something is down or about to be. */
export const FindingSeverity = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

/**
 * What a finding rests on: the event, condition, field, log line or metric that proves it. `source` says where
 * it came from (e.g. `event/todo/backend-7d9.17a`, `status.containerStatuses[0].state`), `detail` what it says.
 */
export const Evidence = z.object({
  kind: z.enum(['event', 'condition', 'field', 'log', 'metric']),
  source: z.string().min(1),
  detail: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** A concrete fix: a patch to the resource, a command, or both. It goes through `ops` review like any change. */
export const ProposedFix = z.object({
  description: z.string().min(1),
  patch: z.object({ type: z.enum(['merge', 'strategic', 'json']), body: z.unknown() }).optional(),
  command: z.string().optional(),
});
export type ProposedFix = z.infer<typeof ProposedFix>;

/**
 * One problem an analyzer found, as data: shown in the dashboard and CLI, grouped by root cause, and handed to a
 * model for explanation after every string in `sensitive` is masked.
 */
export const Finding = z.object({
  /** Stable across runs for the same problem (e.g. `pod-crash-loop:todo/backend-7d9`), so it can be tracked. */
  id: z.string().min(1),
  analyzer: z.string().min(1),
  severity: FindingSeverity,
  resource: ObjectRef,
  message: z.string().min(1),
  evidence: z.array(Evidence).default([]),
  /** Values (secret names, tokens, addresses) to mask before anything reaches a model. */
  sensitive: z.array(z.string()).default([]),
  proposedFix: ProposedFix.optional(),
  docsUrl: z.url().optional(),
  /** Ids of findings that are symptoms of this one (grouping by root cause). */
  rootCauseOf: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof Finding>;
