import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';
import { patchCommand } from '../workloads.js';

const ID = 'cronjob-suspended';

/**
 * CronJobs with `spec.suspend: true`: no run is scheduled until resumed. Often deliberate, hence low severity, but
 * a forgotten suspension silently stops backups and reports.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
export const cronJobSuspended = defineAnalyzer({
  id: ID,
  kinds: ['CronJob'],
  description: 'Suspended CronJobs',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const cron of indexSnapshot(snapshot).of('CronJob')) {
      if ((cron.spec as { suspend?: boolean } | undefined)?.suspend !== true) continue;
      const body = { spec: { suspend: false } };
      const last = (cron.status as { lastScheduleTime?: string } | undefined)?.lastScheduleTime;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'LOW',
          object: cron,
          message: `CronJob ${nameOf(cron)} is suspended: it schedules no runs${last ? ` (last run ${last})` : ''}`,
          evidence: [fieldEvidence(cron, 'spec.suspend', true)],
          proposedFix: {
            description: 'Resume it if the suspension is not deliberate',
            patch: { type: 'merge', body },
            command: patchCommand(cron, 'merge', body),
          },
          docsUrl: DOCS.cronJobs,
        }),
      );
    }
    return findings;
  },
});
