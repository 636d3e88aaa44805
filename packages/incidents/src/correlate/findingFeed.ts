import type { Finding, FindingSeverity } from '@opspilot/core';
import { type Signal, signalKey } from './signal.js';
import { signalFromFinding } from './signalFromAlert.js';

const RANK: Record<FindingSeverity, number> = { INFO: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

/**
 * Turns successive analyzer runs of one cluster into signals: each finding at or above `minSeverity` fires (a repeat
 * merges by its id), and a finding that a later run no longer reports clears. Configuration advice (below HIGH by
 * default) is not an incident: a healthy cluster with imperfect manifests opens none.
 */
export function createFindingFeed(options: { clusterId?: string; minSeverity?: FindingSeverity } = {}) {
  const min = RANK[options.minSeverity ?? 'HIGH'];
  let firing = new Map<string, Signal>();
  return {
    /** The signals of one analyzer run at `at`: every finding that fires, and a CLEARED one per vanished finding. */
    update(findings: Finding[], at: string): Signal[] {
      const next = new Map<string, Signal>();
      for (const f of findings) {
        if (RANK[f.severity] < min) continue;
        const signal = signalFromFinding(f, at, options.clusterId);
        if (signal) next.set(signalKey(signal), signal);
      }
      const cleared = [...firing.entries()]
        .filter(([key]) => !next.has(key))
        .map(([, s]) => ({ ...s, state: 'CLEARED' as const, at }));
      firing = next;
      return [...next.values(), ...cleared];
    },
  };
}
