import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Pods must not share the node's network namespace: it exposes the host to the pod and the pod to the host.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const podHostNetwork = kubeRule({
  id: 'pod-host-network',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Pods must not set hostNetwork',
  fix: 'remove hostNetwork from the pod spec',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (pod?.spec.hostNetwork !== true) return [];
    return [
      { message: "the pod uses the node's network namespace (hostNetwork: true)", path: `${pod.path}.hostNetwork` },
    ];
  },
});
