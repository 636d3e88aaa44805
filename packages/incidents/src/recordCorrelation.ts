import type { Incident } from '@opspilot/core';
import { affectedResources, type CorrelatedIncident, type Correlation } from './correlate/correlator.js';
import type { IncidentDeps } from './incidentDeps.js';
import { publishIncident } from './publishIncident.js';
import {
  type CauseFields,
  type IncidentCause,
  incidentCause,
  recurringText,
  sightingPatch,
} from './recurrence/incidentCause.js';

/** The timeline entry type of each correlation outcome (repeats are counted, not written). */
const ACTION_OF: Record<string, string> = {
  opened: 'signal',
  joined: 'signal',
  cleared: 'signal.cleared',
  refired: 'signal.refired',
  reopened: 'signal.refired',
};

/** Whether a signal the incident holds carries a finding's own (not derived) sighting of `identity`. */
function findingCauseHeld(c: CorrelatedIncident, identity: string): boolean {
  return [...c.signals.values()].some((h) => h.signal.sighting?.identity === identity && !h.signal.sighting.derived);
}

/**
 * What a signal reopening a resolved incident (within the reopen window) makes of it: one more occurrence of its
 * cause, so `recurring` — the resolution did not hold. `first_seen` stays (or becomes the incident's start).
 */
function reopenedFields(
  current: Incident,
  adopted: CauseFields | undefined,
): Required<Pick<CauseFields, 'occurrences' | 'recurring' | 'first_seen'>> {
  const before = adopted?.occurrences ?? current.occurrences ?? 1;
  return {
    occurrences: before + 1,
    recurring: true,
    first_seen: adopted?.first_seen ?? current.first_seen ?? current.detected_at,
  };
}

function summary(c: CorrelatedIncident) {
  const firing = [...c.signals.values()].filter((h) => h.signal.state === 'FIRING').length;
  return `${c.signals.size} signal(s), ${firing} firing`;
}

/**
 * Writes what one correlation did: a new incident (`incident.opened` in the audit trail, INCIDENT_OPENED, the
 * `opened` notification), or the signal on an existing one's timeline with its severity, affected objects and, when
 * it came back, its status (reopened: RESOLVED → DETECTED). Repeats write nothing. A finding's signal with a sighting
 * gives the incident its cause (see {@link incidentCause}): it starts when the cause was first seen, keeps the
 * cause's identity, first and last seen and runs, and — when an earlier incident of the same cause was resolved — is
 * marked recurring, with a `recurring` entry on its timeline. A signal reopening a resolved incident within the reopen
 * window counts one more occurrence and marks it recurring too (the `reopened` status entry says how many times it has
 * occurred; `incident.reopened` in the audit trail).
 */
export async function recordCorrelation(deps: IncidentDeps, correlation: Correlation): Promise<Incident | undefined> {
  const { incident: c, held } = correlation;
  if (!c || !held || correlation.kind === 'repeated' || correlation.kind === 'ignored') return undefined;
  const at = deps.clock.now().toISOString();
  const signal = held.signal;
  const clusterId = c.cluster_id && /^[0-9a-f-]{36}$/.test(c.cluster_id) ? c.cluster_id : undefined;
  let incident: Incident;
  let cause: IncidentCause | undefined;
  if (correlation.kind === 'opened') {
    cause = signal.sighting ? await incidentCause(deps.records, clusterId, signal.sighting, c.first_at) : undefined;
    incident = await deps.records.insert({
      id: c.id,
      cluster_id: clusterId,
      title: c.title,
      description: `Opened by ${signal.source.toLowerCase()} "${signal.title}".`,
      severity: c.severity,
      status: 'DETECTED',
      detected_at: cause?.detected_at ?? c.first_at,
      affected_resources: affectedResources(c),
      created_at: at,
      ...cause?.fields,
    });
    await deps.audit.append({
      action: 'incident.opened',
      user_id: 'system',
      target: `incident/${c.id}`,
      cluster_id: incident.cluster_id,
      details: {
        incident_id: c.id,
        title: c.title,
        severity: c.severity,
        signal: signal.fingerprint,
        ...(cause ? { ...cause.fields, detected_at: incident.detected_at } : {}),
        ...(cause?.previous ? { previous_incident: cause.previous.id } : {}),
      },
    });
  } else {
    const current = await deps.records.get(c.id);
    const reopened = correlation.kind === 'reopened' && (current.status === 'RESOLVED' || current.status === 'CLOSED');
    // A cause joining an incident that has none becomes the incident's cause; a finding's own sighting also replaces
    // a cause the engine derived from a signal (an alert's, say), unless a finding of that cause is held.
    const s = signal.sighting;
    const adopt =
      s !== undefined &&
      signal.state === 'FIRING' &&
      s.identity !== current.cause_identity &&
      (!current.cause_identity || (!s.derived && !findingCauseHeld(c, current.cause_identity)));
    cause = adopt
      ? await incidentCause(deps.records, clusterId, signal.sighting!, current.detected_at, current.id)
      : undefined;
    const refreshed = signal.sighting && !adopt ? sightingPatch(current, signal.sighting) : undefined;
    const recurrence = reopened ? reopenedFields(current, cause?.fields) : undefined;
    incident = await deps.records.update(c.id, {
      severity: c.severity,
      affected_resources: affectedResources(c),
      ...(reopened ? { status: 'DETECTED' as const, resolved_at: undefined } : {}),
      ...cause?.fields,
      ...(cause?.detected_at ? { detected_at: cause.detected_at } : {}),
      ...refreshed,
      ...recurrence,
    });
    if (recurrence) {
      await deps.records.addAction(c.id, {
        action_type: 'status',
        actor: 'system',
        status: 'SUCCEEDED',
        description: `reopened: "${signal.title}" fired again; ${recurringText(incident)}`,
        result: {
          from: current.status,
          to: 'DETECTED',
          occurrences: recurrence.occurrences,
          first_seen: recurrence.first_seen,
          previous_resolved_at: current.resolved_at ?? '',
        },
        performed_at: at,
      });
      await deps.audit.append({
        action: 'incident.reopened',
        user_id: 'system',
        target: `incident/${c.id}`,
        cluster_id: incident.cluster_id,
        details: {
          incident_id: c.id,
          from: current.status,
          to: 'DETECTED',
          signal: signal.fingerprint,
          recurring: true,
          occurrences: recurrence.occurrences,
          first_seen: recurrence.first_seen,
          ...(incident.cause_identity ? { cause_identity: incident.cause_identity } : {}),
          previous_resolved_at: current.resolved_at ?? '',
        },
      });
    }
  }
  await deps.records.addAction(c.id, {
    action_type: ACTION_OF[correlation.kind] ?? 'signal',
    actor: 'system',
    status: 'SUCCEEDED',
    description: `${signal.source.toLowerCase()} ${signal.state.toLowerCase()}: ${signal.title} (${summary(c)})`,
    result: { key: held.key, signal, first_at: held.first_at, refired: held.refired },
    performed_at: signal.at,
  });
  if (cause?.previous) {
    await deps.records.addAction(c.id, {
      action_type: 'recurring',
      actor: 'system',
      status: 'SUCCEEDED',
      description: recurringText(cause.fields),
      result: {
        identity: cause.fields.cause_identity ?? '',
        occurrences: cause.fields.occurrences ?? 1,
        first_seen: cause.fields.first_seen ?? '',
        previous_incident: cause.previous.id,
        previous_resolved_at: cause.previous.resolved_at ?? '',
      },
      performed_at: signal.at,
    });
  }
  const notice = correlation.kind === 'opened' ? 'opened' : 'updated';
  await publishIncident(deps, notice, incident);
  return incident;
}
