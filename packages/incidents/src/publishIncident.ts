import type { Incident } from '@opspilot/core';
import type { IncidentDeps, IncidentNotice } from './incidentDeps.js';

const EVENT_OF = { opened: 'INCIDENT_OPENED', updated: 'INCIDENT_UPDATED', resolved: 'INCIDENT_RESOLVED' } as const;

/**
 * Tells the world an incident moved: INCIDENT_OPENED / _UPDATED / _RESOLVED on the event bus (with its cause's
 * `first_seen`, and `recurring` and `occurrences` when it came back after being resolved), and the outgoing
 * notification (not for mere timeline entries: `webhooks: false`). Neither failing stops the engine: the incident is
 * already stored.
 */
export async function publishIncident(
  deps: IncidentDeps,
  notice: IncidentNotice,
  incident: Incident,
  options: { webhooks?: boolean } = {},
): Promise<void> {
  const namespace = incident.affected_resources.find((r) => r.namespace)?.namespace;
  await deps.bus
    ?.publish({
      event_type: EVENT_OF[notice],
      cluster_id: incident.cluster_id,
      ...(namespace ? { namespace } : {}),
      timestamp: deps.clock.now().toISOString(),
      payload: {
        incident_id: incident.id,
        status: incident.status,
        severity: incident.severity,
        title: incident.title,
        ...(incident.first_seen ? { first_seen: incident.first_seen } : {}),
        ...(incident.recurring ? { recurring: true, occurrences: incident.occurrences ?? 2 } : {}),
      },
    })
    .catch(() => undefined);
  if (options.webhooks !== false) await deps.notify?.(notice, incident).catch(() => undefined);
}
