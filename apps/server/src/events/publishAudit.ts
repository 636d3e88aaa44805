import type { AuditTrailEntry, Clock, EventBus, NewAuditTrailEntry } from '@opspilot/core';
import type { Store } from '@opspilot/store';

/**
 * Appends an entry to the audit log (time from the clock) and publishes `AUDIT_APPENDED` with its sequence, action
 * and target, so dashboards see changes as they happen. A failed publish does not undo the (durable) audit entry.
 */
export async function publishAudit(
  services: { store: Store; bus: EventBus; clock: Clock; logger?: { warn(o: object, m?: string): void } },
  entry: NewAuditTrailEntry,
): Promise<AuditTrailEntry> {
  const appended = await services.store.audit.append({ ...entry, timestamp: services.clock.now().toISOString() });
  await services.bus
    .publish({
      event_type: 'AUDIT_APPENDED',
      cluster_id: appended.cluster_id,
      timestamp: appended.timestamp,
      payload: {
        sequence: appended.sequence,
        action: appended.action,
        target: appended.target,
        user_id: appended.user_id,
        status: appended.status,
      },
    })
    .catch((error: unknown) => services.logger?.warn({ err: error }, 'publishing an audit event failed'));
  return appended;
}
