import { ObjectRef, Severity, StringMap, Timestamp } from '@opspilot/core';
import { z } from 'zod';

/** Where a signal came from: a firing alert, a detected anomaly (seed 003 §5.6) or an analyzer finding. */
export const SignalSource = z.enum(['ALERT', 'ANOMALY', 'FINDING']);
export type SignalSource = z.infer<typeof SignalSource>;

/** Whether the condition behind a signal holds (`FIRING`) or has gone away (`CLEARED`). */
export const SignalState = z.enum(['FIRING', 'CLEARED']);
export type SignalState = z.infer<typeof SignalState>;

/**
 * A finding's cause as the analyzers see it across runs (their `finding_sightings`): its stable identity (class + root
 * object, e.g. `pod-crash-loop:deployment/shop/api`), when it was first and last seen, and in how many runs.
 */
export const SignalSighting = z.object({
  identity: z.string().min(1).max(512),
  first_seen: Timestamp,
  last_seen: Timestamp,
  runs: z.number().int().min(1).default(1),
  /**
   * True when the engine derived the sighting from the signal itself (an alert or anomaly, or a signal pushed without
   * one: see `signalSighting`), not from the analyzers' history: a finding's own sighting replaces it as the cause.
   */
  derived: z.boolean().optional(),
});
export type SignalSighting = z.infer<typeof SignalSighting>;

/**
 * One observation the incident engine correlates: an alert, an anomaly or a finding reduced to what correlation
 * needs. `fingerprint` identifies the same condition across repeats (Alertmanager's fingerprint, a finding's id, an
 * anomaly's metric and labels), so a repeat updates the signal instead of adding one. `resource` is the object it is
 * about, when known; correlation follows it through the topology (pod → workload, Service, node).
 */
export const Signal = z.object({
  source: SignalSource,
  fingerprint: z.string().min(1).max(512),
  cluster_id: z.string().optional(),
  title: z.string().min(1).max(500),
  severity: Severity,
  state: SignalState,
  resource: ObjectRef.optional(),
  labels: StringMap.default({}),
  /** When the condition was observed (an alert's `startsAt`, an anomaly's `detected_at`), or cleared. */
  at: Timestamp,
  /** Ids of the stored alert, anomaly or finding, for links from the timeline. */
  ref_id: z.string().optional(),
  /**
   * The sighting of a finding's cause: an incident it opens starts when the cause was first seen, keeps its identity,
   * and is recurring when an earlier incident of the same cause was resolved.
   */
  sighting: SignalSighting.optional(),
});
export type Signal = z.infer<typeof Signal>;

/** The key of a signal within the engine: its source and fingerprint. */
export function signalKey(signal: Pick<Signal, 'source' | 'fingerprint' | 'cluster_id'>): string {
  return `${signal.cluster_id ?? ''}|${signal.source}|${signal.fingerprint}`;
}

const SEVERITY_RANK: Record<Severity, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

/** Orders severities, higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** The worse of two severities. */
export function worseSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** One level worse (CRITICAL stays CRITICAL). */
export function raiseSeverity(severity: Severity): Severity {
  const order: Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
  return order[Math.min(order.indexOf(severity) + 1, order.length - 1)] ?? severity;
}
