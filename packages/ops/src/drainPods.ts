import { formatRef, type KubeObject, type PlanStep, refOf } from '@opspilot/core';

type DrainStep = Extract<PlanStep, { op: 'drain' }>;
type Json = Record<string, unknown> | undefined;

/** A pod and why the drain leaves it or refuses it. */
export interface PodWithReason {
  pod: KubeObject;
  why: string;
}

/** The pods of a node sorted the way `kubectl drain` sorts them. */
export interface DrainPods {
  /** Pods to evict through the Eviction API. */
  evict: KubeObject[];
  /** Pods left on the node on purpose: DaemonSet-managed (with `ignoreDaemonSets`), mirror pods, terminating pods. */
  skipped: PodWithReason[];
  /** Pods that stop the drain before anything is evicted, as `kubectl drain` refuses them without an override. */
  refused: PodWithReason[];
}

/** The annotation the kubelet puts on the API copy of a static pod. */
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const controllerOf = (pod: KubeObject) => pod.metadata.ownerReferences?.find((o) => o.controller === true);
const finished = (pod: KubeObject) => ['Succeeded', 'Failed'].includes(String((pod.status as Json)?.phase ?? ''));
const usesEmptyDir = (pod: KubeObject) =>
  (((pod.spec as Json)?.volumes as Json[] | undefined) ?? []).some((v) => v?.emptyDir !== undefined);

/**
 * Sorts a node's pods as `kubectl drain` does (its filters, in order): terminating pods are left to finish; pods of a
 * DaemonSet stay with `ignoreDaemonSets` (their controller ignores `unschedulable` and would re-create them at once)
 * and refuse the drain without it; mirror pods (annotation `kubernetes.io/config.mirror`) stay, as the API cannot
 * remove a static pod; finished pods are evicted; pods with `emptyDir` volumes refuse the drain unless
 * `deleteEmptyDirData` (their data is lost); pods no controller declares refuse it (evicted, they would not come back:
 * `kubectl drain` needs `--force` for them, which opspilot does not offer). Everything else is evicted.
 * @see https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/
 */
export function drainPods(pods: KubeObject[], step: Pick<DrainStep, 'ignoreDaemonSets' | 'deleteEmptyDirData'>) {
  const sorted: DrainPods = { evict: [], skipped: [], refused: [] };
  for (const pod of pods) {
    const controller = controllerOf(pod);
    if (pod.metadata.deletionTimestamp) sorted.skipped.push({ pod, why: 'already terminating' });
    else if (controller?.kind === 'DaemonSet') {
      if (step.ignoreDaemonSets) sorted.skipped.push({ pod, why: `managed by DaemonSet ${controller.name}` });
      else sorted.refused.push({ pod, why: `managed by DaemonSet ${controller.name} (drain ignoring DaemonSets)` });
    } else if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined)
      sorted.skipped.push({ pod, why: 'a mirror pod (a static pod of the kubelet)' });
    else if (finished(pod)) sorted.evict.push(pod);
    else if (usesEmptyDir(pod) && !step.deleteEmptyDirData)
      sorted.refused.push({ pod, why: 'uses emptyDir local storage (drain deleting emptyDir data)' });
    else if (!controller)
      sorted.refused.push({
        pod,
        why: 'declares no controller, so it would not come back (delete it yourself or run it under a Deployment)',
      });
    else sorted.evict.push(pod);
  }
  return sorted;
}

/** `pod/todo/api-1 (managed by …)`, joined, for messages. */
export function describePods(pods: PodWithReason[]): string {
  return pods.map(({ pod, why }) => `${formatRef(refOf(pod))} ${why}`).join('; ');
}
