import type { ClusterSnapshot, KubeObject } from '@opspilot/core';
import type { ContainerStatus, PodStatus } from './kubeTypes.js';
import { statusOf } from './kubeTypes.js';
import type { SnapshotIndex } from './snapshotIndex.js';

/**
 * The kind under which a snapshot carries log tails (`snapshot.objects.PodLog`). Analyzers are pure, so logs are
 * fetched by the caller (the CLI, the server) for the containers {@link logTargets} names and added with
 * {@link withPodLogs} before the analysis.
 */
export const POD_LOG_KIND = 'PodLog';

/** One container's log tail. */
export interface PodLogTail {
  namespace: string;
  pod: string;
  container: string;
  /** Whether these are the lines of the previous (terminated) run, as `kubectl logs --previous`. */
  previous: boolean;
  lines: string[];
}

/** A container whose log tail would explain a finding: it terminated and restarts. */
export function logTargets(snapshot: ClusterSnapshot): Omit<PodLogTail, 'lines'>[] {
  const targets: Omit<PodLogTail, 'lines'>[] = [];
  for (const pod of snapshot.objects.Pod ?? []) {
    const status = statusOf<PodStatus>(pod);
    const all: ContainerStatus[] = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
    for (const s of all) {
      const crashing = s.state?.waiting?.reason === 'CrashLoopBackOff' || s.state?.terminated?.exitCode;
      if (crashing) {
        targets.push({
          namespace: pod.metadata.namespace ?? 'default',
          pod: pod.metadata.name,
          container: s.name,
          previous: (s.restartCount ?? 0) > 0,
        });
      }
    }
  }
  return targets;
}

/** A copy of the snapshot carrying the given log tails as `PodLog` objects. */
export function withPodLogs(snapshot: ClusterSnapshot, logs: PodLogTail[]): ClusterSnapshot {
  const objects: KubeObject[] = logs.map((log) => ({
    apiVersion: 'opspilot.dev/v1',
    kind: POD_LOG_KIND,
    metadata: { name: `${log.pod}.${log.container}`, namespace: log.namespace },
    pod: log.pod,
    container: log.container,
    previous: log.previous,
    lines: log.lines,
  }));
  return { ...snapshot, objects: { ...snapshot.objects, [POD_LOG_KIND]: objects } };
}

/** The log tail the snapshot carries for a pod's container, if any. */
export function logTailOf(index: SnapshotIndex, pod: KubeObject, container: string): PodLogTail | undefined {
  const log = index.get(POD_LOG_KIND, pod.metadata.namespace, `${pod.metadata.name}.${container}`);
  return log ? (log as unknown as PodLogTail & KubeObject) : undefined;
}
