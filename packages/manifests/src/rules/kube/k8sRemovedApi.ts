import { removedApiOf } from '../../kube/removedApis.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Objects written against a removed apiVersion are refused by current clusters; name the replacement.
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export const k8sRemovedApi = kubeRule({
  id: 'k8s-removed-api',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Objects must not use an apiVersion Kubernetes has removed',
  fix: 'move the object to the replacement apiVersion',
  check: (obj) => {
    const removed = removedApiOf(obj.apiVersion, obj.kind);
    if (!removed) return [];
    const fix = removed.replacement
      ? `change apiVersion to ${removed.replacement} (and adapt the fields that changed)`
      : `remove the ${obj.kind}: ${removed.note ?? 'the kind no longer exists'}`;
    return [
      {
        message: `${obj.apiVersion} ${obj.kind} was removed in Kubernetes ${removed.removedIn}${
          removed.replacement ? `; use ${removed.replacement}` : ''
        }`,
        path: 'apiVersion',
        fix,
      },
    ];
  },
});
