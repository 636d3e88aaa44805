import type { KubeObject } from '../store/kubeObject.js';

type Json = Record<string, unknown>;

/** The app containers of a pod whose init containers have not all completed: waiting, `PodInitializing`. */
export function waitingForInit(pod: KubeObject): Json[] {
  return (((pod.spec as Json).containers as Json[] | undefined) ?? []).map((c) => ({
    name: c.name,
    image: c.image,
    imageID: '',
    started: false,
    ready: false,
    restartCount: 0,
    state: { waiting: { reason: 'PodInitializing' } },
  }));
}

/**
 * Runs a pod's init containers one after another, as the kubelet does: each must exit 0 before the next starts (and
 * before the app containers start); a failing one is restarted with back-off (`Init:CrashLoopBackOff`) unless the
 * pod's restartPolicy is Never, which fails the pod. `run` computes one container's status as the kubelet runs it,
 * started at the given time. `doneAt` is when the last one completed (undefined while blocked).
 * @see https://kubernetes.io/docs/concepts/workloads/pods/init-containers/
 */
export function initContainerStatuses(
  pod: KubeObject,
  scheduledAt: number,
  run: (alone: KubeObject, startedAt: number) => { statuses: Json[]; nextMs?: number },
): { statuses: Json[]; doneAt?: number; failed: boolean; nextMs?: number } {
  const spec = pod.spec as Json;
  const restartPolicy = spec.restartPolicy === 'Never' ? 'Never' : 'OnFailure';
  const statuses: Json[] = [];
  let start = scheduledAt;
  let blocked = false;
  let failed = false;
  let nextMs: number | undefined;
  for (const c of (spec.initContainers as Json[] | undefined) ?? []) {
    if (blocked) {
      const base = { name: c.name, image: c.image, imageID: '', started: false, ready: false, restartCount: 0 };
      statuses.push({ ...base, state: { waiting: { reason: 'PodInitializing' } } });
      continue;
    }
    const alone = { ...pod, spec: { ...spec, initContainers: [], containers: [c], restartPolicy } };
    const one = run(alone, start);
    if (one.nextMs !== undefined) nextMs = nextMs === undefined ? one.nextMs : Math.min(nextMs, one.nextMs);
    const status = one.statuses[0] as Json;
    const terminated = (status.state as Json).terminated as Json | undefined;
    if (terminated?.exitCode === 0) {
      statuses.push({ ...status, ready: true });
      start = Date.parse(String(terminated.finishedAt));
      continue;
    }
    statuses.push({ ...status, ready: false });
    blocked = true;
    failed = terminated !== undefined;
  }
  return { statuses, ...(blocked ? {} : { doneAt: start }), failed, ...(nextMs !== undefined ? { nextMs } : {}) };
}
