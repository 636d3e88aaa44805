import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Pods must not share the node's PID namespace: it exposes the host to the pod and the pod to the host.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const podHostPid = kubeRule({
  id: 'pod-host-pid',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Pods must not set hostPID',
  fix: 'remove hostPID from the pod spec',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (pod?.spec.hostPID !== true) return [];
    return [{ message: "the pod uses the node's PID namespace (hostPID: true)", path: `${pod.path}.hostPID` }];
  },
});
