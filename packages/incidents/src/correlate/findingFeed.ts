import type { Finding, FindingSeverity } from '@opspilot/core';
import { type Signal, type SignalSighting, signalKey } from './signal.js';
import { signalFromFinding } from './signalFromAlert.js';

const RANK: Record<FindingSeverity, number> = { INFO: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/** The sighting of each problem's cause by its root finding's id (the fleet's `ClusterWatch.sightings()` fits). */
export type SightingsByFinding = ReadonlyMap<
  string,
  Pick<SignalSighting, 'identity' | 'first_seen' | 'last_seen'> & {
    runs?: number;
  }
>;

/**
 * Turns successive analyzer runs of one cluster into signals: each finding at or above `minSeverity` fires (a repeat
 * merges by its id), and a finding that a later run no longer reports clears. Configuration advice (below HIGH by
 * default) is not an incident: a healthy cluster with imperfect manifests opens none. A problem's root finding with a
 * sighting in `sightings` fires under its cause's stable identity (class + root object) and carries the sighting, so
 * the same cause stays one signal as its pods are replaced, and its incident starts when the cause was first seen.
 */
export function createFindingFeed(options: { clusterId?: string; minSeverity?: FindingSeverity } = {}) {
  const min = RANK[options.minSeverity ?? 'HIGH'];
  let firing = new Map<string, Signal>();
  return {
    /** The signals of one analyzer run at `at`: every finding that fires, and a CLEARED one per vanished finding. */
    update(findings: Finding[], at: string, sightings: SightingsByFinding = new Map()): Signal[] {
      const next = new Map<string, Signal>();
      for (const f of findings) {
        if (RANK[f.severity] < min) continue;
        const found = signalFromFinding(f, at, options.clusterId);
        if (!found) continue;
        const seen = sightings.get(f.id);
        const signal: Signal = seen
          ? {
              ...found,
              fingerprint: seen.identity,
              sighting: {
                identity: seen.identity,
                first_seen: seen.first_seen,
                last_seen: seen.last_seen,
                runs: seen.runs ?? 1,
              },
            }
          : found;
        next.set(signalKey(signal), signal);
      }
      const cleared = [...firing.entries()]
        .filter(([key]) => !next.has(key))
        .map(([, s]) => ({ ...s, state: 'CLEARED' as const, at }));
      firing = next;
      return [...next.values(), ...cleared];
    },
  };
}
