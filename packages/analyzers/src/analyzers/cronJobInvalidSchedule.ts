import { defineAnalyzer, type Finding } from '@opspilot/core';
import { cronScheduleProblem } from '../cronSchedule.js';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'cronjob-invalid-schedule';

/**
 * CronJobs whose schedule does not parse (wrong number of fields, values out of range) or whose
 * `startingDeadlineSeconds` is negative: the controller never starts a run.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax
 */
export const cronJobInvalidSchedule = defineAnalyzer({
  id: ID,
  kinds: ['CronJob'],
  description: 'CronJobs with an invalid schedule',
  analyze(snapshot) {
    const findings: Finding[] = [];
    for (const cron of indexSnapshot(snapshot).of('CronJob')) {
      const spec = (cron.spec ?? {}) as { schedule?: string; startingDeadlineSeconds?: number };
      const problem = cronScheduleProblem(spec.schedule ?? '');
      const deadline = spec.startingDeadlineSeconds;
      if (!problem && !(deadline !== undefined && deadline < 0)) continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'HIGH',
          object: cron,
          message: problem
            ? `CronJob ${nameOf(cron)} has an invalid schedule "${spec.schedule ?? ''}": ${problem}`
            : `CronJob ${nameOf(cron)} has a negative startingDeadlineSeconds (${deadline}): no run can start`,
          evidence: [
            problem
              ? fieldEvidence(cron, 'spec.schedule', spec.schedule ?? '')
              : fieldEvidence(cron, 'spec.startingDeadlineSeconds', deadline),
          ],
          proposedFix: { description: 'Write the schedule as five cron fields, e.g. "0 3 * * *" for 03:00 every day' },
          docsUrl: DOCS.cronSchedule,
        }),
      );
    }
    return findings;
  },
});
