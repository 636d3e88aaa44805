import { z } from 'zod';
import { Timestamp } from '../models/common.js';
import { KubeObject } from './kubeObject.js';

/**
 * A failure to list one kind while taking a snapshot (e.g. RBAC forbids listing Secrets). The other kinds still
 * arrive, and analyzers over that kind know their view is incomplete.
 */
export const SnapshotError = z.object({
  kind: z.string().min(1),
  /** Short reason, e.g. `forbidden: cannot list secrets in namespace todo`. */
  error: z.string(),
});
export type SnapshotError = z.infer<typeof SnapshotError>;

/**
 * Everything analyzers know about one cluster at one moment: objects keyed by kind (`objects.Pod`,
 * `objects.Deployment`, `objects.Event`) plus the kinds that could not be read. A schema rather than a bare type
 * so snapshots saved as test fixtures or sent between processes are checked when read back.
 */
export const ClusterSnapshot = z.object({
  /** The cluster's name or id, as the gateway knows it. */
  cluster: z.string().min(1),
  takenAt: Timestamp,
  objects: z.record(z.string(), z.array(KubeObject)),
  errors: z.array(SnapshotError).default([]),
});
export type ClusterSnapshot = z.infer<typeof ClusterSnapshot>;

/**
 * The objects of `kind` in a snapshot, or none: lets analyzers read a kind without checking that it was listed.
 * @example
 * for (const pod of objectsOf(snapshot, 'Pod')) ...
 */
export function objectsOf(snapshot: ClusterSnapshot, kind: string): KubeObject[] {
  return snapshot.objects[kind] ?? [];
}
