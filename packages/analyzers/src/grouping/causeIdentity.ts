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
 * The identity of a cause of class `cls` on `resource`, given the object the cause belongs to (`root`, when another
 * object owns `resource`): `class:kind/namespace/name` of the root. The one place that spells a cause's identity, for
 * findings ({@link causeIdentity}) and for signals that carry no sighting (the incident engine names an alert's or an
 * anomaly's cause with it, class = alertname, reason or analyzer), so the same cause gets the same identity whichever
 * way it arrives. `ownId` replaces the identity of a cause nothing owns (a finding's id, its key included).
 */
export function causeIdentityOf(cls: string, resource: ObjectRef, root?: ObjectRef, ownId?: string): CauseIdentity {
  if (!root) return { identity: ownId ?? `${cls}:${refText(resource)}`, class: cls, rootObject: resource };
  return { identity: `${cls}:${refText(root)}`, class: cls, rootObject: root };
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
  const root = owner && owner !== obj ? refOf(owner) : undefined;
  return causeIdentityOf(finding.analyzer, r, root, finding.id);
}
