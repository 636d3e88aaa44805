import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'job-suspended';

/**
 * Jobs with `spec.suspend: true` that have not finished: no pod runs until they are resumed. Jobs of a suspended
 * CronJob are left to `cronjob-suspended`.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/job/#suspending-a-job
 */
export const jobSuspended = defineAnalyzer({
  id: ID,
  kinds: ['Job'],
  description: 'Suspended Jobs',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const job of indexSnapshot(snapshot).of('Job')) {
      if ((job.spec as { suspend?: boolean } | undefined)?.suspend !== true) continue;
      const status = (job.status ?? {}) as {
        conditions?: { type: string; status: string; lastTransitionTime?: string }[];
      };
      if (status.conditions?.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True'))
        continue;
      const since = status.conditions?.find((c) => c.type === 'Suspended' && c.status === 'True')?.lastTransitionTime;
      const body = { spec: { suspend: false } };
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'LOW',
          object: job,
          message: `Job ${nameOf(job)} is suspended${since ? ` since ${since}` : ''}: none of its pods run until it is resumed`,
          evidence: [fieldEvidence(job, 'spec.suspend', true)],
          proposedFix: {
            description: 'Resume it if the suspension is not deliberate',
            patch: { type: 'merge', body },
            command: patchCommand(job, 'merge', body),
          },
          docsUrl: DOCS.jobs,
        }),
      );
    }
    return findings;
  },
});
