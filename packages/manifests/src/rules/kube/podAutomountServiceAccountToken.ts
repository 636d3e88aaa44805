import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A pod that does not call the Kubernetes API should not get a service-account token mounted: a stolen token
 * is a foothold in the cluster. Only pods running under a named service account are presumed to need one.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/
 */
export const podAutomountServiceAccountToken = kubeRule({
  id: 'pod-automount-service-account-token',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Pods on the default service account must set automountServiceAccountToken: false',
  fix: 'set automountServiceAccountToken: false in the pod spec (or run under a dedicated service account)',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (!pod) return [];
    const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
    const needsToken = typeof account === 'string' && account !== '' && account !== 'default';
    if (needsToken || pod.spec.automountServiceAccountToken === false) return [];
    return [{ message: 'the pod mounts the default service-account token it does not need', path: pod.path }];
  },
});
