import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * `nodeName` bypasses the scheduler: the pod fails when that node is gone or full.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename
 */
export const podNodeName = kubeRule({
  id: 'pod-node-name',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'WARNING',
  description: 'Pods should not pin themselves to a node with nodeName',
  fix: 'use nodeSelector or node affinity instead of nodeName',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (typeof pod?.spec.nodeName !== 'string') return [];
    return [{ message: `the pod is pinned to node ${pod.spec.nodeName}`, path: `${pod.path}.nodeName` }];
  },
});
