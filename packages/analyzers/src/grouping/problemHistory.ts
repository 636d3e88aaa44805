/** One cause as seen across runs: its identity, when it was first and last seen (ISO 8601), in how many runs. */
export interface ProblemSighting {
  identity: string;
  firstSeen: string;
  lastSeen: string;
  /** Runs that saw it, this one included; unknown (taken as 1) for sightings kept without a count. */
  runs?: number;
}

/**
 * Where the first and last sightings of each cause are kept between runs (in memory by
 * {@link createProblemHistory}; the fleet, incidents or a store may keep their own). A cause keeps its identity
 * (class + root object) across runs, so the same problem is the same entry.
 */
export interface ProblemHistory {
  get(identity: string): ProblemSighting | undefined;
  record(sighting: ProblemSighting): void;
}

/** An in-memory {@link ProblemHistory}, optionally seeded with earlier sightings; `list()` returns them all. */
export function createProblemHistory(initial: readonly ProblemSighting[] = []): ProblemHistory & {
  list(): ProblemSighting[];
} {
  const seen = new Map<string, ProblemSighting>(initial.map((s) => [s.identity, { ...s }]));
  return {
    get: (identity) => seen.get(identity),
    record(sighting) {
      const before = seen.get(sighting.identity);
      seen.set(sighting.identity, {
        identity: sighting.identity,
        firstSeen: before && before.firstSeen < sighting.firstSeen ? before.firstSeen : sighting.firstSeen,
        lastSeen: before && before.lastSeen > sighting.lastSeen ? before.lastSeen : sighting.lastSeen,
        runs: sighting.runs ?? (before ? (before.runs ?? 1) + 1 : 1),
      });
    },
    list: () => [...seen.values()],
  };
}
