import { AlertSeverity, AlertState, Timestamp, Uuid } from '@opspilot/core';
import { z } from 'zod';
import type { EntitySpec } from './repository.js';

const eventFields = {
  alert_id: Uuid,
  fingerprint: z.string().min(1),
  cluster_id: Uuid.optional(),
  alertname: z.string().min(1),
  severity: AlertSeverity,
  /** The state the alert entered: FIRING (first seen or fired again), RESOLVED or PENDING. */
  state: AlertState,
  /** When this firing started, as the source said (a new value while FIRING is a re-fire). */
  starts_at: Timestamp,
  ends_at: Timestamp.optional(),
};

/**
 * One transition of a stored alert (migration 0012 `alert_events`): recorded when an alert is first seen, when its
 * state changes and when it fires again with a new start, never for a repeated notification of the same state.
 * Oldest first, they are the alert's firing history.
 */
export const StoredAlertEvent = z.object({ id: Uuid, ...eventFields, recorded_at: Timestamp });
export type StoredAlertEvent = z.infer<typeof StoredAlertEvent>;

/** What the alert repository supplies to record a transition (`recorded_at` now unless given). */
export const NewStoredAlertEvent = z.object({ ...eventFields, recorded_at: Timestamp.optional() });
export type NewStoredAlertEvent = z.input<typeof NewStoredAlertEvent>;

/** The generic-repository mapping of `alert_events`. */
export const ALERT_EVENT_SPEC: EntitySpec<StoredAlertEvent, NewStoredAlertEvent> = {
  table: 'alert_events',
  noun: 'alert event',
  schema: StoredAlertEvent,
  newSchema: NewStoredAlertEvent,
  stamps: ['recorded_at'],
};
