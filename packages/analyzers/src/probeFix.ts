import type { KubeObject, ProposedFix } from '@opspilot/core';
import type { Container, Probe } from './kubeTypes.js';
import { containerPatch, kubectlRef, patchCommand } from './workloads.js';

/** Why a probe fails, read from the kubelet's `Unhealthy` messages or the termination message. */
export type ProbeFailure =
  | { cause: 'http-status'; status: number }
  | { cause: 'refused' }
  | { cause: 'timeout' }
  | { cause: 'unknown' };

/** The cause of a probe's failure in the texts the kubelet left (newest last). */
export function probeFailureOf(texts: readonly string[]): ProbeFailure {
  for (const text of [...texts].reverse()) {
    const status = /statuscode: (\d{3})/i.exec(text);
    if (status) return { cause: 'http-status', status: Number(status[1]) };
    if (/connection refused|no route to host/i.test(text)) return { cause: 'refused' };
    if (/deadline exceeded|timeout|timed out/i.test(text)) return { cause: 'timeout' };
  }
  return { cause: 'unknown' };
}

type ProbeField = 'readinessProbe' | 'livenessProbe';

/** The container port a probe port (number or name) stands for, when the container declares it. */
function declaredPort(container: Container, port: number | string | undefined): number | undefined {
  const ports = container.ports ?? [];
  if (typeof port === 'number') return ports.some((p) => p.containerPort === port) ? port : undefined;
  return ports.find((p) => p.name === port)?.containerPort;
}

function target(probe: Probe): string {
  if (probe.httpGet) return `HTTP GET ${probe.httpGet.path ?? '/'} on port ${probe.httpGet.port}`;
  if (probe.tcpSocket) return `TCP port ${probe.tcpSocket.port}`;
  return 'its check';
}

function patched(owner: KubeObject, container: string, field: ProbeField, probe: Probe, description: string) {
  const body = containerPatch(owner, container, { [field]: probe });
  return { description, patch: { type: 'strategic' as const, body }, command: patchCommand(owner, 'strategic', body) };
}

/**
 * A fix for a failing probe that answers its evidence: a 4xx answer means the path is wrong (point the probe at a
 * path the application serves — never more delay, which would not change the answer); a refused connection on a
 * port the container does not declare means the port is wrong (point it at the declared one); a refused connection
 * on the declared port or a timeout means the application is slow to listen or answer (more time, which is then
 * the right fix); a 5xx answer means the application reports itself unhealthy (fix it, not the probe).
 */
export function probeFix(
  owner: KubeObject,
  container: Container,
  field: ProbeField,
  probe: Probe,
  failure: ProbeFailure,
  logsCommand: string,
): ProposedFix {
  const what = field === 'readinessProbe' ? 'readiness probe' : 'liveness probe';
  const http = probe.httpGet;
  const probePort = http?.port ?? probe.tcpSocket?.port;
  const declared = container.ports?.[0]?.containerPort;
  if (
    (failure.cause === 'refused' || failure.cause === 'unknown') &&
    probePort !== undefined &&
    declared !== undefined
  ) {
    if (declaredPort(container, probePort) === undefined) {
      const fixed: Probe = http ? { httpGet: { ...http, port: declared } } : { tcpSocket: { port: declared } };
      return patched(
        owner,
        container.name,
        field,
        fixed,
        `The ${what} asks port ${probePort}, which container ${container.name} does not declare (it listens on ${declared}): point the probe at port ${declared}`,
      );
    }
  }
  if (failure.cause === 'http-status' && failure.status >= 400 && failure.status < 500 && http) {
    const other = field === 'readinessProbe' ? container.livenessProbe : container.readinessProbe;
    const path = other?.httpGet?.path && other.httpGet.path !== http.path ? other.httpGet.path : '/';
    return patched(
      owner,
      container.name,
      field,
      { httpGet: { ...http, path } },
      `The application answers HTTP ${failure.status} on ${http.path ?? '/'}: the path is wrong, more delay would not help; point the ${what} at a path it serves (${path} proposed; check it first) or serve ${http.path ?? '/'}`,
    );
  }
  if (failure.cause === 'http-status' && failure.status >= 500) {
    return {
      description: `The application answers HTTP ${failure.status} on ${http?.path ?? '/'}: it reports itself unhealthy (often a dependency it cannot reach); fix the application, not the probe`,
      command: logsCommand,
    };
  }
  if (failure.cause === 'refused' || failure.cause === 'timeout') {
    const slow: Probe =
      failure.cause === 'timeout'
        ? { timeoutSeconds: Math.max(5, (probe.timeoutSeconds ?? 1) * 3), failureThreshold: 5 }
        : { initialDelaySeconds: Math.max(30, (probe.initialDelaySeconds ?? 0) * 2), failureThreshold: 5 };
    return patched(
      owner,
      container.name,
      field,
      slow,
      failure.cause === 'timeout'
        ? `The ${what} (${target(probe)}) times out: the application answers too slowly; give the probe a longer timeout, and look at why it is slow`
        : `Nothing listens yet on the ${what}'s port ${probePort} although the container declares it: the application starts slowly; give the probe more time (or add a startupProbe)`,
    );
  }
  return {
    description: `Check by hand what the application answers to its ${what} (${target(probe)}) and fix the probe or the application`,
    command: `kubectl describe ${kubectlRef(owner)}`,
  };
}
