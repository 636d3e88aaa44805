import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Without a priorityClassName a pod gets the cluster's default priority (0 unless a PriorityClass is marked
 * globalDefault), so under node pressure the scheduler may preempt it for any pod that names a higher class.
 * Polaris: priorityClassNotSet (warning there; INFO here, as most clusters run with one default priority).
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
 */
export const podPriorityClass = kubeRule({
  id: 'pod-priority-class',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'INFO',
  description: 'Pods should name a PriorityClass (priorityClassName)',
  fix: 'create a PriorityClass for the workload tier and set spec.priorityClassName in the pod template',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (!pod) return [];
    const cls = pod.spec.priorityClassName;
    if (typeof cls === 'string' && cls !== '') return [];
    return [{ message: 'the pod sets no priorityClassName', path: pod.path }];
  },
});
