import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A shared process namespace lets every container see and signal the others' processes and read their files
 * through /proc.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/
 */
export const podShareProcessNamespace = kubeRule({
  id: 'pod-share-process-namespace',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'INFO',
  description: 'Pods should not share one process namespace between containers',
  fix: 'remove shareProcessNamespace unless a sidecar really needs it',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (pod?.spec.shareProcessNamespace !== true) return [];
    return [{ message: 'the containers share one process namespace', path: `${pod.path}.shareProcessNamespace` }];
  },
});
