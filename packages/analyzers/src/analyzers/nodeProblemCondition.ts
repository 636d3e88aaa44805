import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, findingOf } from '../findingOf.js';
import type { Condition } from '../kubeTypes.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'node-problem-condition';
/** Conditions the kubelet itself sets (and the other node analyzers read); anything else comes from an add-on. */
const STANDARD = new Set(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable']);
/** Problems that make the node unusable, as node-problem-detector's default rules name them. */
const SEVERE = /KernelDeadlock|ReadonlyFilesystem|CorruptDockerOverlay2|ContainerRuntimeUnhealthy|KubeletUnhealthy/i;

/**
 * Non-standard node conditions that are True, as node-problem-detector and similar agents report them
 * (KernelDeadlock, ReadonlyFilesystem, FrequentKubeletRestart, FrequentContainerdRestart, …): problems the kubelet
 * does not see but that break or slow the pods on the node.
 * @see https://kubernetes.io/docs/tasks/debug/debug-cluster/monitor-node-health/
 */
export const nodeProblemCondition = defineAnalyzer({
  id: ID,
  kinds: ['Node'],
  description: 'Node problems reported by node-problem-detector (non-standard conditions)',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const node of indexSnapshot(snapshot).of('Node')) {
      const conditions = ((node.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).filter(
        (c) => !STANDARD.has(c.type) && c.status === 'True',
      );
      for (const c of conditions) {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: SEVERE.test(c.type) ? 'HIGH' : 'MEDIUM',
            object: node,
            key: c.type,
            message: `Node ${node.metadata.name} reports ${c.type}${c.reason ? ` (${c.reason})` : ''}${c.message ? `: ${c.message}` : ''}`,
            evidence: [conditionEvidence(node, c)],
            proposedFix: {
              description: SEVERE.test(c.type)
                ? 'Cordon and drain the node, then repair or replace it (reboot, fsck, runtime restart)'
                : 'Look at the node’s system logs for the component named; drain the node if it keeps happening',
              command: SEVERE.test(c.type)
                ? `kubectl drain ${node.metadata.name} --ignore-daemonsets --delete-emptydir-data`
                : `kubectl describe node ${node.metadata.name}`,
            },
            docsUrl: DOCS.nodeProblemDetector,
          }),
        );
      }
    }
    return findings;
  },
});
