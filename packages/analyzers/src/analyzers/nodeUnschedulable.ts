import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'node-unschedulable';

/**
 * Cordoned nodes (`spec.unschedulable: true`): no new pods land there. Expected during maintenance, a problem when
 * forgotten afterwards.
 * @see https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/
 */
export const nodeUnschedulable = defineAnalyzer({
  id: ID,
  kinds: ['Node'],
  description: 'Cordoned nodes',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const node of indexSnapshot(snapshot).of('Node')) {
      if ((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable !== true) continue;
      const body = { spec: { unschedulable: false } };
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: node,
          message: `Node ${node.metadata.name} is cordoned: no new pods are scheduled on it`,
          evidence: [fieldEvidence(node, 'spec.unschedulable', true)],
          proposedFix: {
            description: 'Uncordon it once maintenance is over',
            patch: { type: 'merge', body },
            command: `kubectl uncordon ${node.metadata.name}`,
          },
          docsUrl: DOCS.drain,
        }),
      );
    }
    return findings;
  },
});
