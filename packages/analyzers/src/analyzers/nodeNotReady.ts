import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { conditionOf } from '../kubeTypes.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'node-not-ready';

/**
 * Nodes whose `Ready` condition is False or Unknown (kubelet stopped posting status, runtime or network down), or
 * missing: their pods are evicted after the toleration period and nothing new is scheduled there.
 * @see https://kubernetes.io/docs/reference/node/node-status/#condition
 */
export const nodeNotReady = defineAnalyzer({
  id: ID,
  kinds: ['Node'],
  description: 'Nodes that are not Ready',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const node of indexSnapshot(snapshot).of('Node')) {
      const ready = conditionOf(node, 'Ready');
      if (ready?.status === 'True') continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'CRITICAL',
          object: node,
          message: ready
            ? `Node ${node.metadata.name} is not Ready (${ready.status}${ready.reason ? `, ${ready.reason}` : ''}): ${ready.message ?? 'no message'}`
            : `Node ${node.metadata.name} reports no Ready condition`,
          evidence: [ready ? conditionEvidence(node, ready) : fieldEvidence(node, 'status.conditions', [])],
          proposedFix: {
            description: 'Check the kubelet and container runtime on the node; drain it if it does not recover',
            command: `kubectl describe node ${node.metadata.name}`,
          },
          docsUrl: DOCS.nodeConditions,
        }),
      );
    }
    return findings;
  },
});
