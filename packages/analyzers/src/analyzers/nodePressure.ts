import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, findingOf } from '../findingOf.js';
import { conditionOf } from '../kubeTypes.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'node-pressure';
const CONDITIONS: Record<string, string> = {
  MemoryPressure: 'memory is running low: pods are evicted, lowest priority and over-request first',
  DiskPressure: 'disk space or inodes are running low: images are garbage-collected and pods evicted',
  PIDPressure: 'process ids are running low: new processes fail and pods are evicted',
  NetworkUnavailable: 'the node network is not configured: pods there cannot communicate',
};

/**
 * Nodes reporting MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable: the kubelet evicts pods and the
 * scheduler avoids the node.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/
 */
export const nodePressure = defineAnalyzer({
  id: ID,
  kinds: ['Node'],
  description: 'Nodes under memory, disk or PID pressure',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const node of indexSnapshot(snapshot).of('Node')) {
      for (const [type, meaning] of Object.entries(CONDITIONS)) {
        const condition = conditionOf(node, type);
        if (condition?.status !== 'True') continue;
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'HIGH',
            object: node,
            key: type,
            message: `Node ${node.metadata.name} has ${type}: ${meaning}`,
            evidence: [conditionEvidence(node, condition)],
            proposedFix: {
              description: 'See which pods use the most of it and set requests and limits, or add capacity',
              command: `kubectl top pods -A --sort-by=${type === 'MemoryPressure' ? 'memory' : 'cpu'} --field-selector spec.nodeName=${node.metadata.name}`,
            },
            docsUrl: DOCS.eviction,
          }),
        );
      }
    }
    return findings;
  },
});
