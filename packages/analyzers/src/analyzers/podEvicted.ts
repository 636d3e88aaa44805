import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { type PodStatus, statusOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { topOwner } from '../workloads.js';

const ID = 'pod-evicted';

/**
 * Pods the kubelet evicted (phase Failed, reason Evicted), usually for node memory or disk pressure. Their
 * controller has replaced them; the failed pods linger until deleted and point at a node or a pod that needs limits.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/
 */
export const podEvicted = defineAnalyzer({
  id: ID,
  kinds: ['Pod'],
  description: 'Pods evicted from their node',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      const status = statusOf<PodStatus>(pod);
      if (status.phase !== 'Failed' || status.reason !== 'Evicted') continue;
      const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: pod,
          message: `Pod ${nameOf(pod)} was evicted${node ? ` from node ${node}` : ''}: ${status.message ?? 'no reason given'}`,
          evidence: [
            fieldEvidence(pod, 'status', { phase: status.phase, reason: status.reason, message: status.message }),
          ],
          sensitive: [node, topOwner(index, pod).metadata.name],
          proposedFix: {
            description:
              'Find what pressured the node (set memory requests and limits so the pod is not evicted first), then delete the failed pod',
            command: `kubectl delete pod -n ${pod.metadata.namespace ?? 'default'} ${pod.metadata.name}`,
          },
          docsUrl: DOCS.eviction,
        }),
      );
    }
    return findings;
  },
});
