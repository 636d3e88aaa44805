import { defineAnalyzer, type Evidence, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { conditionOf, type PodStatus, type Probe, podSpecOf, statusOf } from '../kubeTypes.js';
import { aboutContainer, ageMs, containerStatusesOf, latestEvents, nameOf, podEvents } from '../podHelpers.js';
import { probeFailureOf, probeFix } from '../probeFix.js';
import { eventFields, indexSnapshot } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'pod-readiness-probe';
/** Slack on top of the probe's own `initialDelaySeconds + periodSeconds × failureThreshold`. */
const GRACE_MS = 30_000;

function probeWindowMs(probe: Probe): number {
  return (
    ((probe.initialDelaySeconds ?? 0) + (probe.periodSeconds ?? 10) * (probe.failureThreshold ?? 3)) * 1000 + GRACE_MS
  );
}

function describeProbe(probe: Probe): string {
  if (probe.httpGet) return `HTTP GET ${probe.httpGet.path ?? '/'} on port ${probe.httpGet.port}`;
  if (probe.tcpSocket) return `TCP connect to port ${probe.tcpSocket.port}`;
  if (probe.exec) return `exec ${(probe.exec.command ?? []).join(' ')}`;
  return 'its probe';
}

/**
 * Running containers that never become ready because their readiness probe fails: `Unhealthy` events saying
 * "Readiness probe failed", or a container running and unready for longer than its probe could need. Such pods
 * receive no traffic: their Services lose endpoints.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export const podReadinessProbe = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event'],
  description: 'Running containers kept unready by a failing readiness probe',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      if (statusOf<PodStatus>(pod).phase !== 'Running' || pod.metadata.deletionTimestamp) continue;
      const spec = podSpecOf(pod);
      const failed = podEvents(index, pod, ['Unhealthy'], /readiness probe failed/i);
      for (const { status, path } of containerStatusesOf(pod)) {
        if (status.ready || !status.state?.running) continue;
        const probe = spec.containers.find((c) => c.name === status.name)?.readinessProbe;
        if (!probe) continue;
        const mine = failed.filter((e) => aboutContainer(e, status.name));
        const longUnready = ageMs(status.state.running.startedAt, ctx.now) > probeWindowMs(probe);
        if (mine.length === 0 && !longUnready) continue;
        const ready = conditionOf(pod, 'Ready');
        const evidence: Evidence[] = [
          ...(ready ? [conditionEvidence(pod, ready)] : []),
          fieldEvidence(pod, `${path}.ready`, false),
          fieldEvidence(pod, `spec.containers[${status.name}].readinessProbe`, probe),
          ...latestEvents(mine),
        ];
        const ns = pod.metadata.namespace ?? 'default';
        const http = probe.httpGet;
        const failure = probeFailureOf(mine.map((e) => eventFields(e).message ?? eventFields(e).note ?? ''));
        const container = spec.containers.find((c) => c.name === status.name)!;
        const fixFor = () => {
          const fix = probeFix(
            topOwner(index, pod),
            container,
            'readinessProbe',
            probe,
            failure,
            `kubectl logs -n ${ns} ${pod.metadata.name} -c ${status.name}`,
          );
          if (failure.cause !== 'unknown' || fix.patch) return fix;
          return {
            description: http
              ? `Check what the application answers on ${http.path ?? '/'}; point readinessProbe.httpGet at a path it serves, or fix the application`
              : 'Check the probe by hand inside the container and fix the probe or the application',
            command: http
              ? `kubectl get --raw /api/v1/namespaces/${ns}/pods/${pod.metadata.name}:${http.port}/proxy${http.path ?? '/'}`
              : `kubectl describe pod -n ${ns} ${pod.metadata.name}`,
          };
        };
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: pod,
            key: status.name,
            message: `Container ${status.name} of pod ${nameOf(pod)} is running but not ready: its readiness probe (${describeProbe(probe)}) fails, so it receives no traffic`,
            evidence,
            sensitive: [topOwner(index, pod).metadata.name],
            proposedFix: fixFor(),
            docsUrl: DOCS.probes,
          }),
        );
      }
    }
    return findings;
  },
});
