import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';

/** Progress of an incident action; notes and acknowledgements are recorded straight as SUCCEEDED. */
export const IncidentActionStatus = z.enum(['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED']);
export type IncidentActionStatus = z.infer<typeof IncidentActionStatus>;

const actionFields = {
  incident_id: Uuid,
  /** What was done, e.g. `acknowledge`, `resolve`, `rollback`, `runbook`, `note`. Free text for the timeline. */
  action_type: z.string().min(1).max(100),
  description: z.string().default(''),
  /** User id of the person who acted, or `system` for the incident engine. */
  actor: z.string().min(1),
  status: IncidentActionStatus.default('PENDING'),
  result: JsonObject.default({}),
  performed_at: Timestamp,
};

/**
 * One entry on an incident's timeline (seed 004 `incident_actions`), as in PagerDuty and incident.io: who
 * acknowledged, what was diagnosed, which runbook or fix ran. Post-mortems are written from these entries.
 */
export const IncidentAction = z.object({ id: Uuid, ...actionFields });
export type IncidentAction = z.infer<typeof IncidentAction>;

/** What a caller supplies to record an {@link IncidentAction}; `performed_at` defaults to now in the store. */
export const NewIncidentAction = z.object({ ...actionFields, performed_at: Timestamp.optional() });
export type NewIncidentAction = z.input<typeof NewIncidentAction>;
