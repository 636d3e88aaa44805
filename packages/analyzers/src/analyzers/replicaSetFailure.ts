import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, findingOf } from '../findingOf.js';
import { conditionOf } from '../kubeTypes.js';
import { podCreationFix } from '../podCreationFix.js';
import { latestEvents, nameOf, podEvents } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'replicaset-create-failed';

/**
 * ReplicaSets that cannot create pods: the `ReplicaFailure` condition or `FailedCreate` warnings (a quota
 * exceeded, a forbidden security context, a missing service account). Nothing runs until it is fixed.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/
 */
export const replicaSetFailure = defineAnalyzer({
  id: ID,
  kinds: ['ReplicaSet', 'Event'],
  description: 'ReplicaSets whose pods cannot be created',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const rs of index.of('ReplicaSet')) {
      const want = (rs.spec as { replicas?: number } | undefined)?.replicas ?? 1;
      if (want === 0) continue;
      const failure = conditionOf(rs, 'ReplicaFailure');
      // FailedCreate events outlive the problem by up to an hour: they count only while pods are still missing.
      const missing = ((rs.status as { replicas?: number } | undefined)?.replicas ?? 0) < want;
      const events = missing ? podEvents(index, rs, ['FailedCreate']) : [];
      if (failure?.status !== 'True' && events.length === 0) continue;
      const why = failure?.message ?? String(events.at(-1)?.message ?? 'FailedCreate');
      const fix = podCreationFix(why, index.controllerOf(rs) ?? rs);
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'CRITICAL',
          object: rs,
          message: `ReplicaSet ${nameOf(rs)} cannot create pods: ${why}`,
          evidence: [...(failure ? [conditionEvidence(rs, failure)] : []), ...latestEvents(events)],
          sensitive: [index.controllerOf(rs)?.metadata.name],
          ...(fix ? { proposedFix: fix } : {}),
          docsUrl: DOCS.replicaSets,
        }),
      );
    }
    return findings;
  },
});
