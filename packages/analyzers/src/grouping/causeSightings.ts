import type { FindingGroup } from './groupFindings.js';
import { createProblemHistory, type ProblemHistory } from './problemHistory.js';

/**
 * One cause as a run saw it, in the shape a store keeps (snake_case, as `finding_sightings` of `@opspilot/store`
 * holds it): identity, class, root object, first and last seen.
 */
export interface CauseSighting {
  identity: string;
  class: string;
  root_kind: string;
  root_namespace?: string;
  root_name: string;
  first_seen: string;
  last_seen: string;
}

/** The sightings of a run's groups, to record after an analysis (groups built elsewhere without identity are left out). */
export function causeSightings(groups: readonly FindingGroup[]): CauseSighting[] {
  const out: CauseSighting[] = [];
  for (const g of groups) {
    if (!g.identity || !g.class || !g.rootObject || !g.firstSeen || !g.lastSeen) continue;
    out.push({
      identity: g.identity,
      class: g.class,
      root_kind: g.rootObject.kind,
      ...(g.rootObject.namespace ? { root_namespace: g.rootObject.namespace } : {}),
      root_name: g.rootObject.name,
      first_seen: g.firstSeen,
      last_seen: g.lastSeen,
    });
  }
  return out;
}

/**
 * A {@link ProblemHistory} seeded with stored sightings (read before an analysis), so a cause seen in an earlier run —
 * or before a restart — keeps its first-seen time.
 * @example
 * const history = historyOfSightings(await store.findingSightings.list(cluster.id));
 * const { groups } = analyzeSnapshot(snapshot, { now, history });
 * await store.findingSightings.record(cluster.id, causeSightings(groups));
 */
export function historyOfSightings(
  stored: readonly (Pick<CauseSighting, 'identity' | 'first_seen' | 'last_seen'> & { runs?: number })[],
): ProblemHistory {
  return createProblemHistory(
    stored.map((s) => ({
      identity: s.identity,
      firstSeen: s.first_seen,
      lastSeen: s.last_seen,
      ...(s.runs ? { runs: s.runs } : {}),
    })),
  );
}
