import { defineAnalyzer, type Finding } from '@opspilot/core';
import { containerConfigFix } from '../containerConfigFix.js';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { containerStatusesOf, latestEvents, nameOf, podEvents, stateEvidence } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'pod-container-config';
const REASONS = new Set(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError']);

/**
 * Containers the kubelet cannot create or start (`CreateContainerConfigError`, `CreateContainerError`,
 * `RunContainerError`): a missing ConfigMap, Secret or key, or a command that does not exist in the image. When a
 * missing object is the reason, `configmap-missing` / `secret-missing` report it as the root cause.
 * @see https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/
 */
export const podContainerConfig = defineAnalyzer({
  id: ID,
  kinds: ['Pod', 'Event'],
  description: 'Containers that cannot be created or started',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      for (const init of [true, false]) {
        for (const { status, path } of containerStatusesOf(pod, init)) {
          const waiting = status.state?.waiting;
          if (!waiting?.reason || !REASONS.has(waiting.reason)) continue;
          const owner = topOwner(index, pod);
          const workload = `${owner.kind.toLowerCase()}/${owner.metadata.name} -n ${pod.metadata.namespace ?? 'default'}`;
          findings.push(
            findingOf({
              analyzer: ID,
              severity: 'CRITICAL',
              object: pod,
              key: status.name,
              message: `Container ${status.name} of pod ${nameOf(pod)} cannot start (${waiting.reason}): ${waiting.message ?? 'no message'}`,
              evidence: [...stateEvidence(pod, status, path), ...latestEvents(podEvents(index, pod, ['Failed']))],
              sensitive: [owner.metadata.name],
              proposedFix: containerConfigFix(waiting.message ?? '', workload, status.name) ?? {
                description: 'Create what the container references, or correct the reference in the pod template',
                command: `kubectl describe pod -n ${pod.metadata.namespace ?? 'default'} ${pod.metadata.name}`,
              },
              docsUrl: DOCS.debugPods,
            }),
          );
        }
      }
    }
    return findings;
  },
});
