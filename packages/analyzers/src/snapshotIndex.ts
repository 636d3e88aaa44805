import { type ClusterSnapshot, type KubeObject, objectsOf } from '@opspilot/core';
import type { LabelSelector } from './kubeTypes.js';
import { isEmptySelector, matchesSelector, normalizeSelector } from './labelSelector.js';

/** An Event as both core/v1 and events.k8s.io/v1 shape it (the fields analyzers read). */
export interface EventFields {
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
  involvedObject?: { kind?: string; namespace?: string; name?: string; uid?: string };
  regarding?: { kind?: string; namespace?: string; name?: string; uid?: string };
  series?: { count?: number; lastObservedTime?: string };
}

/**
 * Lookups over one snapshot, built once and shared by every analyzer: objects by kind and name, by uid, by owner,
 * pods by namespace and label, events by the object they are about. Analyzers use it instead of scanning lists, so
 * a run stays linear in the size of the cluster.
 */
export interface SnapshotIndex {
  readonly snapshot: ClusterSnapshot;
  /** Objects of a kind (empty when the kind was not listed). */
  of(kind: string): KubeObject[];
  /** One object by kind, namespace (undefined for cluster-scoped kinds) and name. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Whether the kind was listed without error, so "missing" really means missing. */
  listed(kind: string): boolean;
  byUid(uid: string): KubeObject | undefined;
  /** Objects whose ownerReferences name `owner` (by uid). */
  ownedBy(owner: KubeObject): KubeObject[];
  /** The controlling owner of an object, when it is in the snapshot. */
  controllerOf(obj: KubeObject): KubeObject | undefined;
  /** Pods of a namespace. */
  podsIn(namespace: string | undefined): KubeObject[];
  /**
   * Pods that may hold a problem: not Running or Succeeded, or with a container that is not ready, has restarted,
   * is waiting or ended in error, or an init container that has not completed. Pod analyzers scan only these.
   */
  troubledPods(): KubeObject[];
  /** Pods of a namespace a selector picks; an empty selector picks none unless `emptyMatchesAll`. */
  selectPods(
    namespace: string | undefined,
    selector: LabelSelector | Record<string, string> | undefined,
    emptyMatchesAll?: boolean,
  ): KubeObject[];
  /** Pods a workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob) owns, through ReplicaSets/Jobs. */
  podsOf(workload: KubeObject): KubeObject[];
  /** Events about an object, oldest first (among the {@link MAX_EVENTS} most recent of the snapshot). */
  eventsFor(obj: KubeObject): KubeObject[];
  /** The snapshot's Events, most recent first, at most {@link MAX_EVENTS}: what event-driven analyzers scan. */
  recentEvents(): KubeObject[];
}

/**
 * How many Events an analysis reads: the most recent ones. A broken namespace can hold tens of thousands (one per
 * back-off, probe failure, mount retry); older ones add nothing a recent one of the same series does not say.
 */
export const MAX_EVENTS = 5000;

/** The fields of an Event object. */
export function eventFields(event: KubeObject): EventFields {
  return event as unknown as EventFields;
}

/** When an event last happened, as epoch milliseconds (0 when it carries no time). */
export function eventTime(event: KubeObject): number {
  const e = eventFields(event);
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp;
  return t ? Date.parse(t) || 0 : 0;
}

interface StatusView {
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: unknown; terminated?: { exitCode?: number } };
}

function isTroubled(pod: KubeObject): boolean {
  const status = (pod.status ?? {}) as {
    phase?: string;
    containerStatuses?: StatusView[];
    initContainerStatuses?: StatusView[];
  };
  if (status.phase !== 'Running' && status.phase !== 'Succeeded') return true;
  for (const c of status.containerStatuses ?? []) {
    if ((c.restartCount ?? 0) > 0 || c.state?.waiting || (c.state?.terminated?.exitCode ?? 0) !== 0) return true;
    if (status.phase === 'Running' && !c.ready) return true;
  }
  for (const c of status.initContainerStatuses ?? []) {
    if ((c.restartCount ?? 0) > 0 || c.state?.terminated?.exitCode !== 0) return true;
  }
  return false;
}

function key(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

function build(snapshot: ClusterSnapshot): SnapshotIndex {
  const byKey = new Map<string, KubeObject>();
  const byUid = new Map<string, KubeObject>();
  const children = new Map<string, KubeObject[]>();
  const podsByNs = new Map<string, KubeObject[]>();
  const podsByLabel = new Map<string, KubeObject[]>();
  const events = new Map<string, KubeObject[]>();
  const failed = new Set(snapshot.errors.map((e) => e.kind));
  for (const [kind, list] of Object.entries(snapshot.objects)) {
    if (kind === 'Event') continue;
    for (const obj of list) {
      const m = obj.metadata;
      byKey.set(key(obj.kind, m.namespace, m.name), obj);
      if (m.uid) byUid.set(m.uid, obj);
      for (const ref of m.ownerReferences ?? []) push(children, ref.uid, obj);
    }
  }
  for (const pod of objectsOf(snapshot, 'Pod')) {
    const ns = pod.metadata.namespace ?? '';
    push(podsByNs, ns, pod);
    for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) push(podsByLabel, `${ns}\u0000${k}=${v}`, pod);
  }
  const allEvents = objectsOf(snapshot, 'Event');
  // Newest first; among equal times the later listed first, so walking backwards gives the listing order.
  const timed = allEvents.map((event, i) => ({ event, t: eventTime(event), i }));
  timed.sort((a, b) => b.t - a.t || b.i - a.i);
  const recent = (timed.length > MAX_EVENTS ? timed.slice(0, MAX_EVENTS) : timed).map((x) => x.event);
  for (let i = recent.length - 1; i >= 0; i--) {
    const event = recent[i]!;
    const e = eventFields(event);
    const about = e.involvedObject ?? e.regarding;
    if (!about?.kind || !about.name) continue;
    push(events, key(about.kind, about.namespace || event.metadata.namespace, about.name), event);
  }

  let troubled: KubeObject[] | undefined;
  const index: SnapshotIndex = {
    snapshot,
    of: (kind) => objectsOf(snapshot, kind),
    get: (kind, namespace, name) => byKey.get(key(kind, namespace, name)),
    listed: (kind) => !failed.has(kind) && snapshot.objects[kind] !== undefined,
    byUid: (uid) => byUid.get(uid),
    ownedBy: (owner) => (owner.metadata.uid ? (children.get(owner.metadata.uid) ?? []) : []),
    controllerOf(obj) {
      const refs = obj.metadata.ownerReferences ?? [];
      const ref = refs.find((r) => r.controller) ?? refs[0];
      return ref ? byUid.get(ref.uid) : undefined;
    },
    podsIn: (namespace) => podsByNs.get(namespace ?? '') ?? [],
    troubledPods() {
      troubled ??= objectsOf(snapshot, 'Pod').filter(isTroubled);
      return troubled;
    },
    selectPods(namespace, selector, emptyMatchesAll = false) {
      const ns = namespace ?? '';
      if (!selector || isEmptySelector(selector)) return emptyMatchesAll ? (podsByNs.get(ns) ?? []) : [];
      const s = normalizeSelector(selector);
      let candidates = podsByNs.get(ns) ?? [];
      for (const [k, v] of Object.entries(s.matchLabels ?? {})) {
        const posting = podsByLabel.get(`${ns}\u0000${k}=${v}`) ?? [];
        if (posting.length < candidates.length) candidates = posting;
      }
      return candidates.filter((pod) => matchesSelector(pod.metadata.labels, s));
    },
    podsOf(workload) {
      const direct = index.ownedBy(workload);
      const pods = direct.filter((o) => o.kind === 'Pod');
      for (const child of direct) {
        if (child.kind === 'ReplicaSet' || child.kind === 'Job') pods.push(...index.podsOf(child));
      }
      return pods;
    },
    eventsFor: (obj) => events.get(key(obj.kind, obj.metadata.namespace, obj.metadata.name)) ?? [],
    recentEvents: () => recent,
  };
  return index;
}

const cache = new WeakMap<ClusterSnapshot, SnapshotIndex>();

/**
 * The {@link SnapshotIndex} of a snapshot, built on first use and cached for as long as the snapshot lives, so
 * thirty analyzers over one snapshot index it once.
 */
export function indexSnapshot(snapshot: ClusterSnapshot): SnapshotIndex {
  let index = cache.get(snapshot);
  if (!index) {
    index = build(snapshot);
    cache.set(snapshot, index);
  }
  return index;
}
