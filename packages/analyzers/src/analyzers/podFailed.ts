import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { findingOf } from '../findingOf.js';
import { type PodStatus, statusOf } from '../kubeTypes.js';
import { containerStatusesOf, nameOf, stateEvidence } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'pod-failed';

/**
 * Bare pods (no controller owns them) that ended Failed with a container exit code other than 0: nothing will
 * restart them, so the work they did is lost until someone looks. Pods of Jobs are the Job's business (`job-failed`),
 * evicted pods are `pod-evicted`.
 * @see https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase
 */
export const podFailed = defineAnalyzer({
  id: ID,
  kinds: ['Pod'],
  description: 'Bare pods that failed with a non-zero exit code',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const pod of index.troubledPods()) {
      const status = statusOf<PodStatus>(pod);
      if (status.phase !== 'Failed' || status.reason === 'Evicted') continue;
      if ((pod.metadata.ownerReferences ?? []).length > 0) continue;
      const failed = containerStatusesOf(pod).filter(({ status: s }) => (s.state?.terminated?.exitCode ?? 0) !== 0);
      const first = failed[0];
      if (!first) continue;
      const t = first.status.state!.terminated!;
      const ns = pod.metadata.namespace ?? 'default';
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: pod,
          message: `Pod ${nameOf(pod)} failed: container ${first.status.name} exited with code ${t.exitCode}${t.reason ? ` (${t.reason})` : ''}${t.message ? `: ${t.message.split('\n').at(-1)}` : ''}; no controller will run it again`,
          evidence: failed.flatMap(({ status: s, path }) => stateEvidence(pod, s, path)),
          proposedFix: {
            description: `Read its log to see why it exited ${t.exitCode}; fix and run it again (as a Job, so failures are retried and tracked), then delete the failed pod`,
            command: `kubectl logs -n ${ns} ${pod.metadata.name} -c ${first.status.name}`,
          },
          docsUrl: DOCS.podLifecycle,
        }),
      );
    }
    return findings;
  },
});
