import { z } from 'zod';
import { Timestamp, Uuid } from '../common.js';
import { ResourceRef } from './resourceRef.js';
import { Severity } from './severity.js';
import { notBefore } from './timeOrder.js';
import { type ModelRule, withRules } from './withRules.js';

/**
 * Lifecycle of an incident (seed 004 `incidents.status`): detected (open), acknowledged and worked on, mitigated,
 * resolved, and — once reviewed — closed (an opspilot addition: a closed incident is never reopened by its signals).
 */
export const IncidentStatus = z.enum(['DETECTED', 'INVESTIGATING', 'MITIGATING', 'RESOLVED', 'CLOSED']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

const incidentFields = {
  cluster_id: Uuid.optional(),
  title: z.string().min(1).max(255),
  description: z.string().default(''),
  severity: Severity,
  status: IncidentStatus.default('DETECTED'),
  detected_at: Timestamp,
  /** When a responder took ownership (PagerDuty "acknowledge"); set together with `acknowledged_by`. */
  acknowledged_at: Timestamp.optional(),
  /** User id of the responder who acknowledged, or `system`. */
  acknowledged_by: z.string().min(1).optional(),
  resolved_at: Timestamp.optional(),
  root_cause: z.string().optional(),
  affected_resources: z.array(ResourceRef).default([]),
  /** Markdown post-mortem, written once the incident is resolved (`incidentCommander.generatePostMortem`). */
  post_mortem: z.string().optional(),
  /**
   * The stable identity of the analyzer finding's cause behind the incident (class + root object, e.g.
   * `pod-crash-loop:deployment/shop/api`), as the analyzers' `finding_sightings` keep it; unset for incidents
   * opened by alerts or anomalies alone.
   */
  cause_identity: z.string().min(1).max(512).optional(),
  /** When the cause was first seen, across every incident it caused (its sighting's `first_seen`). */
  first_seen: Timestamp.optional(),
  /** When the cause was last seen by an analysis. */
  last_seen: Timestamp.optional(),
  /** How many analysis runs saw the cause (its sighting's `runs`). */
  sightings: z.coerce.number().int().min(1).optional(),
  /** How many incidents the cause has had, this one included: 2 or more when it came back after being resolved. */
  occurrences: z.coerce.number().int().min(1).optional(),
  /** True when the same cause was seen before, resolved, and is seen again (see `occurrences`). */
  recurring: z.boolean().optional(),
};

interface IncidentTimes {
  status: IncidentStatus;
  detected_at?: string;
  acknowledged_at?: string;
  acknowledged_by?: string;
  resolved_at?: string;
}

const incidentRules: ModelRule<IncidentTimes>[] = [
  {
    check: (i) => (i.status === 'RESOLVED' || i.status === 'CLOSED') === (i.resolved_at !== undefined),
    message: 'resolved_at must be set exactly when status is RESOLVED or CLOSED',
    path: ['resolved_at'],
  },
  {
    check: (i) => (i.acknowledged_at === undefined) === (i.acknowledged_by === undefined),
    message: 'acknowledged_at and acknowledged_by must be set together',
    path: ['acknowledged_by'],
  },
  {
    check: (i) => notBefore(i.detected_at, i.acknowledged_at),
    message: 'acknowledged_at must not be before detected_at',
    path: ['acknowledged_at'],
  },
  {
    check: (i) => notBefore(i.detected_at, i.resolved_at),
    message: 'resolved_at must not be before detected_at',
    path: ['resolved_at'],
  },
];

/**
 * An incident handled by the incident commander (seed 004 `incidents`), opened from an alert, an anomaly or by
 * hand. Resolving sets `resolved_at`; reopening clears it, so the two always agree.
 */
export const Incident = withRules(z.object({ id: Uuid, ...incidentFields, created_at: Timestamp }), incidentRules);
export type Incident = z.infer<typeof Incident>;

/** What a caller supplies to open an {@link Incident}; `detected_at` defaults to now in the store. */
export const NewIncident = withRules(z.object({ ...incidentFields, detected_at: Timestamp.optional() }), incidentRules);
export type NewIncident = z.input<typeof NewIncident>;
