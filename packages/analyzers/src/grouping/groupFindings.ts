import type { ClusterSnapshot, Finding, FindingSeverity } from '@opspilot/core';
import { indexSnapshot } from '../snapshotIndex.js';
import { layerOf } from './causeLayers.js';
import { type Dependencies, dependenciesOf, findingDependencies, refKey } from './dependenciesOf.js';

/** One underlying problem: the finding that causes it and the findings that are its symptoms. */
export interface FindingGroup {
  /** The id of the root-cause finding. */
  id: string;
  /** The most severe severity in the group. */
  severity: FindingSeverity;
  rootCause: Finding;
  symptoms: Finding[];
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3, INFO: 4 };

/** Sorts by severity, most severe first, keeping the given order among equals. */
export function bySeverity<T extends { severity: FindingSeverity }>(items: T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => SEVERITY_RANK[a.item.severity] - SEVERITY_RANK[b.item.severity] || a.i - b.i)
    .map(({ item }) => item);
}

/**
 * Groups findings by root cause. A finding's causes are the findings of a more fundamental kind (see
 * `CAUSE_LAYERS`) on the objects it depends on, followed through ownerReferences (Deployment → ReplicaSet → Pod),
 * selectors (Service → Pods), backends, scale targets, nodes and claims; its root causes are those causes that
 * have no cause themselves. A Service without endpoints because its pods crash becomes one group: the pod crash as
 * root cause, the Service (and the Deployment) as symptoms. Root findings get `rootCauseOf` listing their
 * symptoms' ids. Pure: reads the snapshot, changes neither input.
 * @example
 * const groups = groupFindings(run.findings, snapshot);
 * for (const g of groups) print(g.rootCause.message, g.symptoms.length);
 */
export function groupFindings(findings: Finding[], snapshot: ClusterSnapshot): FindingGroup[] {
  const index = indexSnapshot(snapshot);
  const byResource = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = refKey(f.resource);
    const list = byResource.get(key);
    if (list) list.push(f);
    else byResource.set(key, [f]);
  }
  const depsCache = new Map<string, Dependencies>();
  const deps = (key: string): Dependencies => {
    let d = depsCache.get(key);
    if (!d) {
      const [kind = '', ns = '', ...rest] = key.split('/');
      const obj = index.get(kind, ns || undefined, rest.join('/'));
      d = obj ? dependenciesOf(index, obj) : { follow: [], lookOnly: [] };
      depsCache.set(key, d);
    }
    return d;
  };
  const add = (causes: Finding[], f: Finding, key: string, layer: number, maxLayer: number) => {
    for (const other of byResource.get(key) ?? []) {
      const otherLayer = layerOf(other.analyzer);
      if (other !== f && otherLayer >= 0 && otherLayer < layer && otherLayer <= maxLayer && !causes.includes(other))
        causes.push(other);
    }
  };

  const causesOf = (f: Finding): Finding[] => {
    const layer = layerOf(f.analyzer);
    if (layer <= 0) return [];
    const start = refKey(f.resource);
    const seen = new Set<string>([start]);
    const queue = [start, ...findingDependencies(index, f)];
    const causes: Finding[] = [];
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i]!;
      add(causes, f, key, layer, layer);
      const { follow, lookOnly } = deps(key);
      for (const look of lookOnly) add(causes, f, look, layer, 0);
      for (const next of follow) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return causes;
  };

  const causes = new Map<Finding, Finding[]>(findings.map((f) => [f, causesOf(f)]));
  const groups = new Map<Finding, FindingGroup>();
  const symptomsOf = new Map<Finding, string[]>();
  const ordered = bySeverity(findings);
  for (const f of ordered) {
    if ((causes.get(f) ?? []).length === 0)
      groups.set(f, { id: f.id, severity: f.severity, rootCause: f, symptoms: [] });
  }
  for (const f of ordered) {
    const roots = bySeverity((causes.get(f) ?? []).filter((c) => (causes.get(c) ?? []).length === 0));
    if (roots.length === 0) continue;
    groups.get(roots[0]!)?.symptoms.push(f);
    for (const root of roots) symptomsOf.set(root, [...(symptomsOf.get(root) ?? []), f.id]);
  }
  const result = [...groups.values()].map((g) => {
    const ids = symptomsOf.get(g.rootCause);
    const rootCause = ids ? { ...g.rootCause, rootCauseOf: ids } : g.rootCause;
    const severity = bySeverity([g.rootCause, ...g.symptoms])[0]!.severity;
    return { ...g, rootCause, severity };
  });
  return bySeverity(result);
}
