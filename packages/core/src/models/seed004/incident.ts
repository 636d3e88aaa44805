import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { ResourceRef, Severity } from './shared.js';

/** Lifecycle of an incident (seed 004 `incidents.status`). */
export const IncidentStatus = z.enum(['DETECTED', 'INVESTIGATING', 'MITIGATING', 'RESOLVED']);

const incidentFields = {
  cluster_id: Uuid.optional(),
  title: z.string().min(1).max(255),
  description: z.string().default(''),
  severity: Severity,
  status: IncidentStatus.default('DETECTED'),
  detected_at: Timestamp,
  acknowledged_at: Timestamp.optional(),
  acknowledged_by: z.string().optional(),
  resolved_at: Timestamp.optional(),
  root_cause: z.string().optional(),
  affected_resources: z.array(ResourceRef).default([]),
  post_mortem: z.string().optional(),
};

/** An incident handled by the incident commander (seed 004 `incidents`). */
export const Incident = z
  .object({ id: Uuid, ...incidentFields, created_at: Timestamp })
  .refine((i) => i.status !== 'RESOLVED' || i.resolved_at !== undefined, {
    message: 'a RESOLVED incident needs resolved_at',
    path: ['resolved_at'],
  });
export type Incident = z.infer<typeof Incident>;

/** The caller-supplied part of an {@link Incident}. */
export const NewIncident = z.object(incidentFields).extend({ detected_at: Timestamp.optional() });
export type NewIncident = z.input<typeof NewIncident>;

const actionFields = {
  incident_id: Uuid,
  action_type: z.string().min(1),
  description: z.string().default(''),
  actor: z.string().min(1),
  status: z.enum(['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED']).default('PENDING'),
  result: JsonObject.default({}),
  performed_at: Timestamp,
};

/** An action taken while responding to an incident (seed 004 `incident_actions`). */
export const IncidentAction = z.object({ id: Uuid, ...actionFields });
export type IncidentAction = z.infer<typeof IncidentAction>;

/** The caller-supplied part of an {@link IncidentAction}. */
export const NewIncidentAction = z.object(actionFields).extend({ performed_at: Timestamp.optional() });
export type NewIncidentAction = z.input<typeof NewIncidentAction>;
