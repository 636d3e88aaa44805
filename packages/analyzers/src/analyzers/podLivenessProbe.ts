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
import { probeFailureOf, probeFix } from '../probeFix.js';
import { eventFields, indexSnapshot } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'pod-liveness-probe';

/**
 * Containers the kubelet keeps killing because their liveness probe fails (`Unhealthy` "Liveness probe failed"
 * and `Killing` events, or a termination message saying so). The fix answers the failure the kubelet saw
 * ({@link probeFix}): a 404 corrects the path, a refused undeclared port the port, a slow start more patience.
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
        const container = spec.containers.find((c) => c.name === status.name);
        const probe = container?.livenessProbe;
        const restarted = (status.restartCount ?? 0) > 0 || status.state?.waiting?.reason === 'CrashLoopBackOff';
        if (!container || !probe || !restarted || !killedByLiveness(index, pod, status)) continue;
        const events = podEvents(index, pod, ['Unhealthy', 'Killing'], /liveness/i);
        const owner = topOwner(index, pod);
        const last = status.lastState?.terminated ?? status.state?.terminated;
        const failure = probeFailureOf([
          last?.message ?? '',
          ...events.map((e) => eventFields(e).message ?? eventFields(e).note ?? ''),
        ]);
        const logs = `kubectl logs -n ${pod.metadata.namespace ?? 'default'} ${pod.metadata.name} -c ${status.name} --previous`;
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
            proposedFix: probeFix(owner, container, 'livenessProbe', probe, failure, logs),
            docsUrl: DOCS.probes,
          }),
        );
      }
    }
    return findings;
  },
});
