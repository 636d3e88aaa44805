import type { ClusterGateway, KubeObject } from '@opspilot/core';
import { annotation, type PodTemplate, statusOf, templateOf } from './kubeShapes.js';

const REVISION = 'deployment.kubernetes.io/revision';

/** One revision of a Deployment: its ReplicaSet, the revision number and how many of its pods are ready now. */
export interface Revision {
  replicaSet: KubeObject;
  revision: number;
  template: PodTemplate;
  readyReplicas: number;
}

/** The revision a Deployment is at (its `deployment.kubernetes.io/revision` annotation), 0 when unknown. */
export function currentRevision(deployment: KubeObject): number {
  return Number(annotation(deployment, REVISION) ?? 0) || 0;
}

/**
 * The revisions a Deployment keeps (its ReplicaSets, up to `revisionHistoryLimit`), newest first.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-back-a-deployment
 */
export async function deploymentRevisions(gateway: ClusterGateway, deployment: KubeObject): Promise<Revision[]> {
  const sets = await gateway.list('ReplicaSet', { namespace: deployment.metadata.namespace });
  const owned = sets.filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((o: { uid?: string }) => o.uid === deployment.metadata.uid),
  );
  return owned
    .map((replicaSet) => ({
      replicaSet,
      revision: Number(annotation(replicaSet, REVISION) ?? 0) || 0,
      template: templateOf(replicaSet)!,
      readyReplicas: statusOf<{ readyReplicas?: number }>(replicaSet).readyReplicas ?? 0,
    }))
    .filter((r) => r.template)
    .sort((a, b) => b.revision - a.revision);
}

/** The last revision before the current one that worked, and whether its pods are seen running now. */
export interface LastWorking {
  revision: Revision;
  /** Its pods are ready now (a rolling update keeps the old ones while the new ones fail). */
  runningNow: boolean;
}

/**
 * The newest earlier revision to return to: one whose pods are ready now when there is one (proof it works), else
 * the newest earlier revision (it was live before the change, but nothing proves it ran well). Undefined for a
 * Deployment with no earlier revision.
 */
export function lastWorkingRevision(deployment: KubeObject, revisions: Revision[]): LastWorking | undefined {
  const current = currentRevision(deployment);
  const earlier = revisions.filter((r) => r.revision < current);
  const running = earlier.find((r) => r.readyReplicas > 0);
  if (running) return { revision: running, runningNow: true };
  return earlier[0] && { revision: earlier[0], runningNow: false };
}
