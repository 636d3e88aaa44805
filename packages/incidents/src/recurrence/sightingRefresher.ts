import type { SignalSighting } from '../correlate/signal.js';
import type { IncidentRecords } from '../incidentDeps.js';
import { sightingPatch } from './incidentCause.js';

/** How far a cause's last sighting moves on before a repeat of its signal writes it to the incident again. */
export const SIGHTING_REFRESH_MS = 5 * 60_000;

/**
 * Keeps an incident's `last_seen` and `sightings` current while its finding repeats (repeats write nothing to the
 * timeline): a repeat writes them when the analysis runs counted changed or `last_seen` moved on by `refreshMs`, so
 * a cause firing for hours costs one write every few minutes, not one per analysis.
 */
export function createSightingRefresher(
  records: Pick<IncidentRecords, 'find' | 'update'>,
  refreshMs = SIGHTING_REFRESH_MS,
) {
  const written = new Map<string, { runs: number; at: number }>();
  return {
    /** Records the sighting of a repeated signal on its incident, when due. */
    async refresh(incidentId: string, sighting: SignalSighting): Promise<void> {
      const before = written.get(incidentId);
      const at = Date.parse(sighting.last_seen);
      if (before && before.runs === sighting.runs && at - before.at < refreshMs) return;
      written.set(incidentId, { runs: sighting.runs, at });
      const current = await records.find(incidentId);
      const patch = current && sightingPatch(current, sighting);
      if (patch) await records.update(incidentId, patch);
    },
    /** Forgets incidents for which `keep` is false (no longer held by the correlator). */
    prune(keep: (incidentId: string) => boolean): void {
      for (const id of written.keys()) if (!keep(id)) written.delete(id);
    },
  };
}
