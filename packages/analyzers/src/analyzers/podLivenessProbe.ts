import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { podSpecOf } from '../kubeTypes.js';
import {
  containerStatusesOf,
  killedByLiveness,
  latestEvents,
  nameOf,
  podEvents,
  stateEvidence,
} from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { containerPatch, patchCommand, topOwner } from '../workloads.js';

const ID = 'pod-liveness-probe';

/**
 * Containers the kubelet keeps killing because their liveness probe fails (`Unhealthy` "Liveness probe failed"
 * and `Killing` events, or a termination message saying so). The fix lengthens the probe's patience so a slow
 * start is not mistaken for a hang; a probe on a path the app never serves must be corrected instead.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export const podLivenessProbe = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event'],
  description: 'Containers restarted by a failing liveness probe',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      const spec = podSpecOf(pod);
      for (const { status, path } of containerStatusesOf(pod)) {
        const probe = spec.containers.find((c) => c.name === status.name)?.livenessProbe;
        const restarted = (status.restartCount ?? 0) > 0 || status.state?.waiting?.reason === 'CrashLoopBackOff';
        if (!probe || !restarted || !killedByLiveness(index, pod, status)) continue;
        const events = podEvents(index, pod, ['Unhealthy', 'Killing'], /liveness/i);
        const owner = topOwner(index, pod);
        const body = containerPatch(owner, status.name, {
          livenessProbe: {
            initialDelaySeconds: Math.max(30, (probe.initialDelaySeconds ?? 0) * 2),
            failureThreshold: 5,
          },
        });
        const target = probe.httpGet
          ? `HTTP GET ${probe.httpGet.path ?? '/'} on port ${probe.httpGet.port}`
          : 'its check';
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: pod,
            key: status.name,
            message: `Container ${status.name} of pod ${nameOf(pod)} is killed by its failing liveness probe (${target}) and has restarted ${status.restartCount ?? 0} times`,
            evidence: [
              ...stateEvidence(pod, status, path),
              fieldEvidence(pod, `spec.containers[${status.name}].livenessProbe`, probe),
              ...latestEvents(events),
            ],
            sensitive: [owner.metadata.name],
            proposedFix: {
              description: `Make sure the application answers ${target}; if it only starts slowly, give the probe more time`,
              patch: { type: 'strategic', body },
              command: patchCommand(owner, 'strategic', body),
            },
            docsUrl: DOCS.probes,
          }),
        );
      }
    }
    return findings;
  },
});
