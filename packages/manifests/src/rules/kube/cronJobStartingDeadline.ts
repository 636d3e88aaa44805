import { kubeRule } from '../kubeRule.js';

/**
 * Without startingDeadlineSeconds, a CronJob that missed more than 100 schedules stops being scheduled at all.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#job-creation
 */
export const cronJobStartingDeadline = kubeRule({
  id: 'cronjob-starting-deadline',
  appliesTo: ['CronJob'],
  category: 'reliability',
  severity: 'INFO',
  description: 'CronJobs should set startingDeadlineSeconds',
  fix: 'set spec.startingDeadlineSeconds (e.g. 300)',
  check: (obj) =>
    typeof obj.spec?.startingDeadlineSeconds === 'number'
      ? []
      : [{ message: 'the CronJob sets no startingDeadlineSeconds', path: 'spec' }],
});
