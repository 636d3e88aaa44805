import type { Finding, KubeObject, ObjectRef } from '@opspilot/core';
import { refOf } from '@opspilot/core';
import type { SnapshotIndex } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

/** What makes two findings the same cause: their class (the analyzer id) and the object the cause belongs to. */
export interface CauseIdentity {
  /** Stable across runs: `class:kind/namespace/name` (plus the finding's key when it is about the object itself). */
  identity: string;
  /** The finding class, i.e. the analyzer id. */
  class: string;
  /** The object the cause belongs to: a pod's Deployment, DaemonSet, StatefulSet or CronJob, else the object itself. */
  rootObject: ObjectRef;
}

function refText(ref: ObjectRef): string {
  return `${ref.kind.toLowerCase()}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/**
 * The identity of a finding's cause: findings of one class on the pods (or Jobs, ReplicaSets) of one workload are
 * one cause, identified by the class and the top-level workload (`pod-crash-loop:daemonset/kube-system/agent`), so
 * three failing pods of a DaemonSet, or the Jobs a CronJob keeps creating, stay one problem whose identity does not
 * change as pods are replaced. A finding about an object nothing owns keeps its own id (key included, e.g. the
 * ConfigMap a workload misses).
 */
export function causeIdentity(index: SnapshotIndex, finding: Finding): CauseIdentity {
  const r = finding.resource;
  const obj: KubeObject | undefined = index.get(r.kind, r.namespace, r.name);
  const owner = obj ? topOwner(index, obj) : undefined;
  if (!owner || owner === obj) return { identity: finding.id, class: finding.analyzer, rootObject: r };
  const rootObject = refOf(owner);
  return { identity: `${finding.analyzer}:${refText(rootObject)}`, class: finding.analyzer, rootObject };
}
