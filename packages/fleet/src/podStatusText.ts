import type { KubeObject } from '@opspilot/core';
import { kubectlAge } from './kubectlAge.js';

interface ContainerState {
  waiting?: { reason?: string };
  running?: object;
  terminated?: { reason?: string; signal?: number; exitCode?: number; finishedAt?: string };
}
interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}
interface PodParts {
  spec?: { containers?: unknown[]; initContainers?: unknown[] };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: { type?: string; status?: string }[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

function exitText(terminated: NonNullable<ContainerState['terminated']>, prefix: string): string {
  if (terminated.reason) return `${prefix}${terminated.reason}`;
  return terminated.signal ? `${prefix}Signal:${terminated.signal}` : `${prefix}ExitCode:${terminated.exitCode ?? 0}`;
}

/** The init-container part of STATUS (`Init:1/2`, `Init:CrashLoopBackOff`), or undefined once they all succeeded. */
function initReason(statuses: ContainerStatus[], total: number): string | undefined {
  for (const [i, s] of statuses.entries()) {
    const terminated = s.state?.terminated;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (terminated) return exitText(terminated, 'Init:');
    const waiting = s.state?.waiting?.reason;
    return waiting && waiting !== 'PodInitializing' ? `Init:${waiting}` : `Init:${i}/${total}`;
  }
  return undefined;
}

/**
 * READY, STATUS and RESTARTS of a pod as kubectl's pod printer works them out: init containers first, then the
 * waiting or terminated reason of the containers, `Terminating` once deletion is pending, and restarts with the
 * time of the last one (`3 (2m ago)`).
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/
 */
export function podStatusText(pod: KubeObject, now: Date): { ready: string; status: string; restarts: string } {
  const { spec, status } = pod as PodParts;
  const inits = status?.initContainerStatuses ?? [];
  const containers = status?.containerStatuses ?? [];
  let restarts = inits.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  let reason = initReason(inits, spec?.initContainers?.length ?? 0);
  let ready = 0;
  if (reason === undefined) {
    reason = status?.reason ?? status?.phase ?? 'Pending';
    let running = false;
    for (const s of [...containers].reverse()) {
      restarts += s.restartCount ?? 0;
      if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (s.state?.terminated) reason = exitText(s.state.terminated, '');
      else if (s.ready && s.state?.running) {
        running = true;
        ready += 1;
      }
    }
    if (reason === 'Completed' && running) {
      const isReady = status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = isReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp) reason = status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  const finished = [...inits, ...containers]
    .map((s) => Date.parse(s.lastState?.terminated?.finishedAt ?? ''))
    .filter((t) => !Number.isNaN(t));
  const last = finished.length > 0 ? Math.max(...finished) : undefined;
  return {
    ready: `${ready}/${spec?.containers?.length ?? 0}`,
    status: reason,
    restarts: last ? `${restarts} (${kubectlAge(new Date(last).toISOString(), now)} ago)` : String(restarts),
  };
}
