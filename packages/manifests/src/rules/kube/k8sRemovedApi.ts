import { removedApiOf } from '../../kube/removedApis.js';
import { compareKubeVersions } from '../../kube/servedApis.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Objects written against a removed apiVersion are refused by current clusters; name the replacement. With a target
 * version (`--kube-version`) older than the removal, the API is still served there: a WARNING that the object
 * breaks on the upgrade to the removing version.
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export const k8sRemovedApi = kubeRule({
  id: 'k8s-removed-api',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'Objects must not use an apiVersion Kubernetes has removed (by --kube-version, else the newest)',
  fix: 'move the object to the replacement apiVersion',
  check: (obj, ctx) => {
    const removed = removedApiOf(obj.apiVersion, obj.kind);
    if (!removed) return [];
    const fix = removed.replacement
      ? `change apiVersion to ${removed.replacement} (and adapt the fields that changed)`
      : `remove the ${obj.kind}: ${removed.note ?? 'the kind no longer exists'}`;
    const use = removed.replacement ? `; use ${removed.replacement}` : '';
    if (ctx.kubeVersion && compareKubeVersions(ctx.kubeVersion, removed.removedIn) < 0) {
      return [
        {
          message: `${obj.apiVersion} ${obj.kind} is served by Kubernetes ${ctx.kubeVersion} but removed in ${removed.removedIn}${use}`,
          path: 'apiVersion',
          severity: 'WARNING',
          fix,
        },
      ];
    }
    const target = ctx.kubeVersion ? ` (the target is ${ctx.kubeVersion})` : '';
    return [
      {
        message: `${obj.apiVersion} ${obj.kind} was removed in Kubernetes ${removed.removedIn}${target}${use}`,
        path: 'apiVersion',
        fix,
      },
    ];
  },
});
