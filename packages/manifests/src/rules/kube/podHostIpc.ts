import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Pods must not share the node's IPC namespace: it exposes the host to the pod and the pod to the host.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const podHostIpc = kubeRule({
  id: 'pod-host-ipc',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Pods must not set hostIPC',
  fix: 'remove hostIPC from the pod spec',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (pod?.spec.hostIPC !== true) return [];
    return [{ message: "the pod uses the node's IPC namespace (hostIPC: true)", path: `${pod.path}.hostIPC` }];
  },
});
