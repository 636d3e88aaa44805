import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Workloads should run under their own service account so their API permissions can be granted narrowly.
 * @see https://kubernetes.io/docs/concepts/security/service-accounts/
 */
export const podDefaultServiceAccount = kubeRule({
  id: 'pod-default-service-account',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'INFO',
  description: 'Pods should run under a dedicated service account, not "default"',
  fix: 'create a ServiceAccount for the workload and set serviceAccountName',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (!pod) return [];
    const account = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
    if (typeof account === 'string' && account !== '' && account !== 'default') return [];
    return [{ message: 'the pod runs under the "default" service account', path: pod.path }];
  },
});
