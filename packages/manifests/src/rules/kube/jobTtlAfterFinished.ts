import { kubeRule } from '../kubeRule.js';

/**
 * Finished Jobs and their pods stay forever unless ttlSecondsAfterFinished cleans them up.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/
 */
export const jobTtlAfterFinished = kubeRule({
  id: 'job-ttl-after-finished',
  appliesTo: ['Job'],
  category: 'efficiency',
  severity: 'INFO',
  description: 'Jobs should set ttlSecondsAfterFinished',
  fix: 'set spec.ttlSecondsAfterFinished (e.g. 86400)',
  check: (obj) =>
    typeof obj.spec?.ttlSecondsAfterFinished === 'number' ||
    (obj.metadata as { ownerReferences?: unknown })?.ownerReferences
      ? []
      : [{ message: 'the finished Job is never cleaned up', path: 'spec' }],
});
