import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { statusOf } from '../kubeTypes.js';
import { ageMs, nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'daemonset-unavailable';
const GRACE_MS = 60_000;

interface DaemonSetStatus {
  desiredNumberScheduled: number;
  numberReady: number;
  numberAvailable: number;
  numberUnavailable: number;
  numberMisscheduled: number;
}

/**
 * DaemonSets missing pods on some nodes (unavailable or unready ones), or running pods on nodes they should not.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
export const daemonSetUnavailable = defineAnalyzer({
  id: ID,
  kinds: ['DaemonSet'],
  description: 'DaemonSets with unavailable or misscheduled pods',
  analyze(snapshot, ctx) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const ds of index.of('DaemonSet')) {
      const s = statusOf<DaemonSetStatus>(ds);
      const desired = s.desiredNumberScheduled ?? 0;
      const available = s.numberAvailable ?? s.numberReady ?? 0;
      const unavailable = s.numberUnavailable ?? Math.max(0, desired - available);
      const evidence = [fieldEvidence(ds, 'status', s)];
      if (unavailable > 0 && ageMs(ds.metadata.creationTimestamp, ctx.now) >= GRACE_MS) {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: available === 0 ? 'CRITICAL' : 'HIGH',
            object: ds,
            message: `DaemonSet ${nameOf(ds)} has ${unavailable} of ${desired} pods unavailable`,
            evidence,
            docsUrl: DOCS.daemonSets,
          }),
        );
      }
      if ((s.numberMisscheduled ?? 0) > 0) {
        findings.push(
          findingOf({
            analyzer: ID,
            severity: 'LOW',
            object: ds,
            key: 'misscheduled',
            message: `DaemonSet ${nameOf(ds)} runs ${s.numberMisscheduled} pods on nodes it should not (node selector or taints changed)`,
            evidence,
            docsUrl: DOCS.daemonSets,
          }),
        );
      }
    }
    return findings;
  },
});
