import { BUILT_IN_KINDS } from './builtInKinds.js';

/** The built-in API: each group ('' for core) with its versions and each version's kinds. */
export interface KnownApi {
  groups: Map<string, Map<string, Set<string>>>;
  /** Every kind with the apiVersions that serve it. */
  kinds: Map<string, string[]>;
}

let known: KnownApi | undefined;

/** The kinds kubernetes-models has a schema for, indexed once (only when an object's type has no model). */
export function knownApi(): KnownApi {
  if (known) return known;
  const groups = new Map<string, Map<string, Set<string>>>();
  const kinds = new Map<string, string[]>();
  for (const [apiVersion, list] of Object.entries(BUILT_IN_KINDS)) {
    const { group, version } = splitApiVersion(apiVersion);
    const versions = groups.get(group) ?? new Map<string, Set<string>>();
    versions.set(version, new Set(list));
    groups.set(group, versions);
    for (const kind of list) kinds.set(kind, [...(kinds.get(kind) ?? []), apiVersion]);
  }
  known = { groups, kinds };
  return known;
}

/** The Levenshtein distance of two short strings, case-insensitive. */
export function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/** The closest of `options` to `word` when it is close enough to be a typo (or differs only in case). */
export function closest(word: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const o of options) {
    const d = distance(word, o);
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/** Splits `apps/v1` into group and version (`v1` is the core group ''). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}
