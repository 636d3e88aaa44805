import type { Incident } from '@opspilot/core';
import type { SignalSighting } from '../correlate/signal.js';
import type { IncidentRecords } from '../incidentDeps.js';

/** The fields an incident keeps of the cause behind it (see `Incident.cause_identity`). */
export type CauseFields = Pick<
  Incident,
  'cause_identity' | 'first_seen' | 'last_seen' | 'sightings' | 'occurrences' | 'recurring'
>;

/** What {@link incidentCause} found: the incident's cause fields, an earlier start, and the incident before it. */
export interface IncidentCause {
  fields: CauseFields;
  /** When the incident started, when the sighting shows it began before `detectedAt`. */
  detected_at?: string;
  /** The latest earlier incident of the same cause that was resolved: set when this one is recurring. */
  previous?: Incident;
}

const ENDED = new Set(['RESOLVED', 'CLOSED']);
const earliest = (a: string, b: string | undefined) => (b !== undefined && Date.parse(b) < Date.parse(a) ? b : a);

/**
 * The cause of an incident from the sighting of the finding behind it: its stable identity, first and last seen, runs,
 * and whether it recurs — an earlier incident of the same identity on the same cluster was resolved or closed, so this
 * one is its next occurrence (`occurrences` counts them, this one included) rather than something new. The incident
 * starts when the cause was first seen; a recurring one when the cause was first seen after the previous incident
 * ended, else at `detectedAt` (the earlier sighting belongs to the previous occurrence). `first_seen` is the cause's
 * first sighting across all its incidents.
 */
export async function incidentCause(
  records: Pick<IncidentRecords, 'list'>,
  clusterId: string | undefined,
  sighting: SignalSighting,
  detectedAt: string,
  self?: string,
): Promise<IncidentCause> {
  const found = await records.list(
    { cause_identity: sighting.identity, ...(clusterId ? { cluster_id: clusterId } : {}) },
    { page_size: 20 },
  );
  const previous = found.items.find(
    (i) => i.id !== self && i.cluster_id === clusterId && ENDED.has(i.status) && i.resolved_at !== undefined,
  );
  const fields: CauseFields = {
    cause_identity: sighting.identity,
    first_seen: earliest(sighting.first_seen, previous?.first_seen ?? previous?.detected_at),
    last_seen: sighting.last_seen,
    sightings: sighting.runs,
    occurrences: previous ? (previous.occurrences ?? 1) + 1 : 1,
    recurring: previous !== undefined,
  };
  const began =
    !previous || Date.parse(sighting.first_seen) > Date.parse(previous.resolved_at as string)
      ? sighting.first_seen
      : undefined;
  const start = began && Date.parse(began) < Date.parse(detectedAt) ? began : undefined;
  return { fields, ...(start ? { detected_at: start } : {}), ...(previous ? { previous } : {}) };
}

/** The timeline line of a recurring incident: how often its cause was seen, since when. */
export function recurringText(fields: CauseFields): string {
  return `recurring: seen ${fields.occurrences} times since ${fields.first_seen}`;
}

/**
 * The sighting fields that changed on an incident already holding the cause (`last_seen`, `sightings`, an earlier
 * `first_seen`), or undefined when none did or the incident holds another cause.
 */
export function sightingPatch(incident: Incident, sighting: SignalSighting): Partial<CauseFields> | undefined {
  if (incident.cause_identity !== sighting.identity) return undefined;
  const patch: Partial<CauseFields> = {};
  const first = earliest(incident.first_seen ?? sighting.first_seen, sighting.first_seen);
  if (first !== incident.first_seen) patch.first_seen = first;
  if (!incident.last_seen || Date.parse(sighting.last_seen) > Date.parse(incident.last_seen))
    patch.last_seen = sighting.last_seen;
  if (sighting.runs > (incident.sightings ?? 0)) patch.sightings = sighting.runs;
  return Object.keys(patch).length ? patch : undefined;
}
