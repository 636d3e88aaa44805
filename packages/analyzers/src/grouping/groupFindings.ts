import type { ClusterSnapshot, Finding, FindingSeverity, ObjectRef } from '@opspilot/core';
import { indexSnapshot } from '../snapshotIndex.js';
import { causeIdentity } from './causeIdentity.js';
import { layerOf } from './causeLayers.js';
import { type Dependencies, dependenciesOf, findingDependencies, refKey } from './dependenciesOf.js';
import { firstSeenOf } from './firstSeen.js';
import { NODE_PRESSURE, pressureLinks } from './pressureLink.js';
import type { ProblemHistory } from './problemHistory.js';

/**
 * One underlying problem: the finding that causes it and the findings that are its symptoms. The cause fields
 * (identity, class, root object, members, affected objects, count, sightings) are always set by
 * {@link groupFindings}; they are optional so groups built elsewhere keep compiling.
 */
export interface FindingGroup {
  /** The id of the root-cause finding. */
  id: string;
  /** The most severe severity in the group. */
  severity: FindingSeverity;
  rootCause: Finding;
  symptoms: Finding[];
  /** Stable across runs: the cause's class and root object, e.g. `pod-crash-loop:daemonset/kube-system/agent`. */
  identity?: string;
  /** The finding class of the cause (the root cause's analyzer id). */
  class?: string;
  /** The object the cause belongs to (a pod's top-level workload, else the root cause's object). */
  rootObject?: ObjectRef;
  /**
   * Every finding of this cause, `rootCause` first: the same class on the other pods (or Jobs) of the same workload.
   * They are not repeated as problems nor as symptoms.
   */
  members?: Finding[];
  /** The distinct objects the cause shows on (the members' objects): three pods of a DaemonSet, one Service. */
  affected?: ObjectRef[];
  /** `affected.length`. */
  count?: number;
  /** When the cause was first seen (ISO 8601): from the history when given, else from its events and objects. */
  firstSeen?: string;
  /** When it was last seen: the snapshot's time. */
  lastSeen?: string;
  /** Runs that saw the cause, this one included (1 without a history). */
  runs?: number;
}

/** Options of {@link groupFindings}. */
export interface GroupOptions {
  /** Earlier sightings: a cause keeps its first-seen time across runs, and this run's sightings are recorded. */
  history?: ProblemHistory;
}

/** The analyzer of Warning events no other analyzer explains. */
const LEFTOVER_EVENTS = 'warning-events';

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
export function groupFindings(
  findings: Finding[],
  snapshot: ClusterSnapshot,
  options: GroupOptions = {},
): FindingGroup[] {
  const index = indexSnapshot(snapshot);
  const byResource = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = refKey(f.resource);
    const list = byResource.get(key);
    if (list) list.push(f);
    else byResource.set(key, [f]);
  }
  const objectOf = (key: string) => {
    const [kind = '', ns = '', ...rest] = key.split('/');
    return index.get(kind, ns || undefined, rest.join('/'));
  };
  const depsCache = new Map<string, Dependencies>();
  const deps = (key: string): Dependencies => {
    let d = depsCache.get(key);
    if (!d) {
      const obj = objectOf(key);
      d = obj ? dependenciesOf(index, obj) : { follow: [], lookOnly: [] };
      depsCache.set(key, d);
    }
    return d;
  };
  const add = (causes: Finding[], f: Finding, key: string, layer: number, maxLayer: number, from: string[] = []) => {
    for (const other of byResource.get(key) ?? []) {
      const otherLayer = layerOf(other.analyzer);
      if (other === f || otherLayer < 0 || otherLayer >= layer || otherLayer > maxLayer || causes.includes(other))
        continue;
      // A node under pressure causes only what shows eviction or pressure, not whatever else runs on it.
      if (other.analyzer === NODE_PRESSURE && !pressureLinks(index, f, from.map(objectOf))) continue;
      causes.push(other);
    }
  };

  const causesOf = (f: Finding): Finding[] => {
    const layer = layerOf(f.analyzer);
    if (layer <= 0) return [];
    const start = refKey(f.resource);
    const seen = new Set<string>([start]);
    const queue = [start, ...findingDependencies(index, f)];
    // Every object each one was reached from (BFS: all of one depth are read before the next depth's first).
    const parents = new Map<string, string[]>();
    const causes: Finding[] = [];
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i]!;
      add(causes, f, key, layer, layer, parents.get(key));
      const { follow, lookOnly } = deps(key);
      for (const look of lookOnly) add(causes, f, look, layer, 0, [key]);
      for (const next of follow) {
        const from = parents.get(next);
        if (from) from.push(key);
        else parents.set(next, [key]);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return causes;
  };

  const causes = new Map<Finding, Finding[]>(findings.map((f) => [f, causesOf(f)]));
  const isRoot = (f: Finding) => (causes.get(f) ?? []).length === 0;
  const ordered = bySeverity(findings);
  // One group per cause identity: the same class on the pods of one workload is one problem.
  const groupOf = new Map<Finding, Draft>();
  const drafts = new Map<string, Draft>();
  const join = (cause: ReturnType<typeof causeIdentity>, f: Finding): Draft => {
    let draft = drafts.get(cause.identity);
    if (!draft) {
      draft = { ...cause, members: [], symptoms: [], symptomIds: [] };
      drafts.set(cause.identity, draft);
    }
    draft.members.push(f);
    groupOf.set(f, draft);
    return draft;
  };
  // Leftover warning events go last: when another cause belongs to the same workload (an older Job of a failing
  // CronJob, a replaced pod of a crash-looping Deployment), they are that cause's symptoms, not a problem of their own.
  const leftovers: Finding[] = [];
  const byRootObject = new Map<string, Draft>();
  for (const f of ordered) {
    if (!isRoot(f)) continue;
    if (f.analyzer === LEFTOVER_EVENTS) {
      leftovers.push(f);
      continue;
    }
    const draft = join(causeIdentity(index, f), f);
    const rootKey = refKey(draft.rootObject);
    if (!byRootObject.has(rootKey)) byRootObject.set(rootKey, draft);
  }
  for (const f of leftovers) {
    const cause = causeIdentity(index, f);
    const owner = byRootObject.get(refKey(cause.rootObject));
    if (owner) {
      owner.symptoms.push(f);
      owner.symptomIds.push(f.id);
      continue;
    }
    join(cause, f);
  }
  // A symptom's root causes: its causes that have none of their own, else theirs (a Deployment short of replicas
  // because its ReplicaSet is refused pods by an exhausted quota belongs to the quota).
  const rootsCache = new Map<Finding, Finding[]>();
  // Causes are always of a lower layer, so this recursion ends.
  const rootsOf = (f: Finding): Finding[] => {
    let list = rootsCache.get(f);
    if (!list) {
      list = [...new Set((causes.get(f) ?? []).flatMap((c) => (isRoot(c) ? [c] : rootsOf(c))))];
      rootsCache.set(f, list);
    }
    return list;
  };
  for (const f of ordered) {
    if (isRoot(f)) continue;
    const roots = bySeverity(rootsOf(f));
    const targets = [...new Set(roots.map((r) => groupOf.get(r)).filter((d): d is Draft => d !== undefined))];
    if (targets.length === 0) continue;
    targets[0]!.symptoms.push(f);
    for (const t of targets) t.symptomIds.push(f.id);
  }
  const lastSeen = snapshot.takenAt;
  const result: FindingGroup[] = [...drafts.values()].map((d) => {
    const [first, ...rest] = d.members as [Finding, ...Finding[]];
    const rootCause = d.symptomIds.length > 0 ? { ...first, rootCauseOf: d.symptomIds } : first;
    const affected = uniqueRefs(d.members.map((m) => m.resource));
    const derived = firstSeenOf(index, affected, lastSeen);
    const earlier = options.history?.get(d.identity);
    const before = earlier?.firstSeen;
    const firstSeen = before && before < derived ? before : derived;
    const runs = earlier ? (earlier.runs ?? 1) + 1 : 1;
    options.history?.record({ identity: d.identity, firstSeen, lastSeen, runs });
    return {
      id: first.id,
      severity: bySeverity([...d.members, ...d.symptoms])[0]!.severity,
      rootCause,
      symptoms: d.symptoms,
      identity: d.identity,
      class: d.class,
      rootObject: d.rootObject,
      members: [rootCause, ...rest],
      affected,
      count: affected.length,
      firstSeen,
      lastSeen,
      runs,
    };
  });
  return bySeverity(result);
}

interface Draft {
  identity: string;
  class: string;
  rootObject: ObjectRef;
  members: Finding[];
  symptoms: Finding[];
  symptomIds: string[];
}

function uniqueRefs(refs: ObjectRef[]): ObjectRef[] {
  const seen = new Map<string, ObjectRef>();
  for (const r of refs) if (!seen.has(refKey(r))) seen.set(refKey(r), r);
  return [...seen.values()];
}
