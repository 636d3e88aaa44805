import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * `serviceAccount` is the deprecated alias of `serviceAccountName` in a pod spec. kube-linter:
 * deprecated-service-account-field.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context
 */
export const podServiceAccountField = kubeRule({
  id: 'pod-service-account-field',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'WARNING',
  description: 'Pods must name their service account with serviceAccountName, not the deprecated serviceAccount',
  fix: 'rename serviceAccount to serviceAccountName',
  check: (obj) => {
    const pod = podSpecOf(obj);
    const legacy = pod?.spec.serviceAccount;
    if (typeof legacy !== 'string' || legacy === '') return [];
    const name = pod?.spec.serviceAccountName;
    const message =
      name === undefined || name === legacy
        ? `the pod names its service account "${legacy}" with the deprecated field serviceAccount`
        : `serviceAccount "${legacy}" (deprecated) and serviceAccountName "${String(name)}" disagree`;
    return [{ message, path: `${pod?.path}.serviceAccount` }];
  },
});
