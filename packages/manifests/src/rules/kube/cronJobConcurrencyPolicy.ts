import { kubeRule } from '../kubeRule.js';

/**
 * The default concurrencyPolicy Allow lets slow runs pile up on top of each other.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy
 */
export const cronJobConcurrencyPolicy = kubeRule({
  id: 'cronjob-concurrency-policy',
  appliesTo: ['CronJob'],
  category: 'reliability',
  severity: 'INFO',
  description: 'CronJobs should set concurrencyPolicy to Forbid or Replace',
  fix: 'set spec.concurrencyPolicy: Forbid (or Replace)',
  check: (obj) =>
    obj.spec?.concurrencyPolicy === 'Forbid' || obj.spec?.concurrencyPolicy === 'Replace'
      ? []
      : [{ message: 'overlapping runs of the CronJob are allowed', path: 'spec' }],
});
