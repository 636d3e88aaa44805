import { defineAnalyzer, type Finding, type ProposedFix } from '@opspilot/core';
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

/** The fix of each condition, for the resource it is about (disk pressure is never a CPU or memory matter). */
const PRESSURE_FIX: Record<string, (node: string) => ProposedFix> = {
  MemoryPressure: (node) => ({
    description:
      'Find the pods using the most memory on the node and give them memory requests and limits that match their use, or add memory',
    command: `kubectl top pods -A --sort-by=memory --field-selector spec.nodeName=${node}`,
  }),
  DiskPressure: (node) => ({
    description:
      'Free disk on the node: prune unused images and old container logs, set ephemeral-storage limits on the pods writing the most (emptyDir, logs), or grow the disk; CPU or memory settings do not help',
    command: `kubectl get --raw /api/v1/nodes/${node}/proxy/stats/summary | jq '.pods[] | {pod: .podRef.name, ephemeral: .["ephemeral-storage"].usedBytes}'`,
  }),
  PIDPressure: (node) => ({
    description:
      'Find the pods starting the most processes on the node (a fork loop, leaked threads) and fix them, or cap pods with the kubelet podPidsLimit',
    command: `kubectl get --raw /api/v1/nodes/${node}/proxy/stats/summary | jq '.pods[] | {pod: .podRef.name, processes: .process_stats.process_count}'`,
  }),
  NetworkUnavailable: (node) => ({
    description: "The node's network plugin (CNI) has not configured its network: check the CNI pods on the node",
    command: `kubectl get pods -n kube-system -o wide --field-selector spec.nodeName=${node}`,
  }),
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
            proposedFix: PRESSURE_FIX[type]!(node.metadata.name),
            docsUrl: DOCS.eviction,
          }),
        );
      }
    }
    return findings;
  },
});
