import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { conditionEvidence, fieldEvidence, findingOf } from '../findingOf.js';
import { conditionOf, statusOf } from '../kubeTypes.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'job-failed';

/**
 * Jobs that failed for good: the `Failed` condition (`BackoffLimitExceeded`, `DeadlineExceeded`), with the count of
 * failed pods. A failed run of a CronJob is reported on the Job, which names its CronJob.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
export const jobFailed = defineAnalyzer({
  id: ID,
  kinds: ['Job'],
  description: 'Jobs that failed',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const job of index.of('Job')) {
      const failed = conditionOf(job, 'Failed');
      if (failed?.status !== 'True') continue;
      const counts = statusOf<{ failed: number; succeeded: number; active: number }>(job);
      const owner = index.controllerOf(job);
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: job,
          message: `Job ${nameOf(job)}${owner ? ` (of ${owner.kind} ${owner.metadata.name})` : ''} failed: ${failed.reason ?? ''}${failed.message ? ` – ${failed.message}` : ''} (${counts.failed ?? 0} failed pods)`,
          evidence: [
            conditionEvidence(job, failed),
            fieldEvidence(job, 'status', { failed: counts.failed ?? 0, succeeded: counts.succeeded ?? 0 }),
          ],
          sensitive: [owner?.metadata.name],
          proposedFix: {
            description: 'Read the failed pods’ logs, fix the cause, then delete the Job to run it again',
            command: `kubectl logs -n ${job.metadata.namespace ?? 'default'} job/${job.metadata.name}`,
          },
          docsUrl: DOCS.jobs,
        }),
      );
    }
    return findings;
  },
});
