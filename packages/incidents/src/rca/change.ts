import type { ObjectRef } from '@opspilot/core';

/**
 * What kind of change: a new rollout (image, resource limits or another template change), a ConfigMap or Secret
 * update, scaling, a node event.
 */
export type ChangeKind =
  | 'rollout'
  | 'image'
  | 'resources'
  | 'config'
  | 'secret'
  | 'scaling'
  | 'node'
  | 'rollback'
  | 'delete'
  | 'other';

/**
 * One change to the cluster before (or around) an incident: from our audit log (who asked for what, through which
 * operation) or seen in the cluster itself (a new ReplicaSet revision, a ConfigMap's last write, a node condition).
 */
export interface Change {
  kind: ChangeKind;
  subject: ObjectRef;
  at: string;
  summary: string;
  source: 'audit' | 'cluster';
  /** The audit entry's id and sequence, the operation and the person, for audit-sourced changes. */
  audit?: { id: string; sequence: number; user: string; action: string; operation_id?: string };
  /** Images before and after, for a rollout that changed them. */
  images?: { from: string[]; to: string[] };
}
