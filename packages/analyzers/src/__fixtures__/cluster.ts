import type { AnalyzerContext, Analyzer, ClusterSnapshot, Finding, KubeObject } from '@opspilot/core';

/** The time every fixture is judged at. */
export const NOW = new Date('2026-01-01T12:00:00Z');
/** An hour before {@link NOW}: when the fixture objects were created. */
export const EARLIER = '2026-01-01T11:00:00Z';
export const ctx: AnalyzerContext = { now: NOW };

let uidSeq = 0;
const uid = () => `00000000-0000-4000-8000-${String(++uidSeq).padStart(12, '0')}`;

type Json = Record<string, unknown>;

/** Any object: kind, apiVersion, name, namespace (undefined for cluster-scoped kinds) and the rest. */
export function obj(apiVersion: string, kind: string, name: string, namespace: string | undefined, rest: Json = {}): KubeObject {
  const { labels, ownerReferences, annotations, ...body } = rest as Json & {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: KubeObject['metadata']['ownerReferences'];
  };
  return {
    apiVersion,
    kind,
    metadata: { name, namespace, uid: uid(), creationTimestamp: EARLIER, labels, annotations, ownerReferences },
    ...body,
  } as KubeObject;
}

/** An ownerReferences entry naming `owner` as controller. */
export function ownedBy(owner: KubeObject) {
  return [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true }];
}

/** A running, ready container status. */
export function runningStatus(name: string, image = 'nginx:1.27') {
  return { name, image, ready: true, started: true, restartCount: 0, state: { running: { startedAt: EARLIER } } };
}

const readyConditions = [
  { type: 'Initialized', status: 'True' },
  { type: 'Ready', status: 'True' },
  { type: 'ContainersReady', status: 'True' },
  { type: 'PodScheduled', status: 'True' },
];

/** A running, ready pod with the given spec. */
export function pod(name: string, namespace: string, spec: Json, rest: Json = {}): KubeObject {
  const containers = (spec.containers as { name: string; image?: string }[]) ?? [];
  return obj('v1', 'Pod', name, namespace, {
    spec: { nodeName: 'worker-1', ...spec },
    status: {
      phase: 'Running',
      startTime: EARLIER,
      podIP: '10.244.1.7',
      conditions: readyConditions,
      containerStatuses: containers.map((c) => runningStatus(c.name, c.image)),
    },
    ...rest,
  });
}

/** A Core v1 event about `about`. */
export function event(about: KubeObject, type: string, reason: string, message: string, extra: Json = {}): KubeObject {
  return obj('v1', 'Event', `${about.metadata.name}.${reason.toLowerCase()}${++uidSeq}`, about.metadata.namespace ?? 'default', {
    type,
    reason,
    message,
    count: 1,
    lastTimestamp: '2026-01-01T11:55:00Z',
    involvedObject: { kind: about.kind, name: about.metadata.name, namespace: about.metadata.namespace, uid: about.metadata.uid },
    ...extra,
  });
}

/** Groups objects by kind into a snapshot taken at {@link NOW}; `listed` kinds appear even when empty. */
export function snapshotOf(objects: KubeObject[], listed: string[] = []): ClusterSnapshot {
  const byKind: Record<string, KubeObject[]> = {};
  for (const kind of listed) byKind[kind] = [];
  for (const o of objects) (byKind[o.kind] ??= []).push(o);
  return { cluster: 'fixture', takenAt: NOW.toISOString(), objects: byKind, errors: [] };
}

/** Runs one analyzer on objects (its kinds always listed) at {@link NOW}. */
export function analyzeWith(analyzer: Analyzer, objects: KubeObject[]): Finding[] {
  return analyzer.analyze(snapshotOf(objects, analyzer.kinds), ctx);
}
