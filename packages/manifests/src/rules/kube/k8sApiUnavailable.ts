import { BUILT_IN_KINDS } from '../../kube/builtInKinds.js';
import { servedIn } from '../../kube/servedApis.js';
import { kubeRule } from '../kubeRule.js';
import { byStability } from './k8sUnknownKind.js';

/** `autoscaling/v2beta2` → 2: the major version, whose betas are closest in shape to the GA version. */
const majorOf = (apiVersion: string) => /\/?v(\d+)(?:(?:alpha|beta)\d+)?$/.exec(apiVersion)?.[1];

/**
 * The apiVersions of `kind` that Kubernetes `version` serves, closest to `apiVersion` first: those of the same
 * major version (autoscaling/v2 → v2beta2), then by stability.
 */
function servedAlternatives(apiVersion: string, kind: string, version: string): string[] {
  const major = majorOf(apiVersion);
  const same = (v: string) => (majorOf(v) === major ? 0 : 1);
  return Object.entries(BUILT_IN_KINDS)
    .filter(([v, kinds]) => kinds.includes(kind) && servedIn(v, kind, version).served)
    .map(([v]) => v)
    .sort((a, b) => same(a) - same(b) || byStability(a, b));
}

/**
 * With a target version (`--kube-version`), an apiVersion that version does not serve yet (autoscaling/v2 before
 * 1.23, batch/v1 CronJob before 1.21, flowcontrol v1 before 1.29) is refused by its API server; name one it serves.
 * Removed API versions are k8s-removed-api's. Without a target (the newest Kubernetes) this rule has nothing to say.
 * @see https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 */
export const k8sApiUnavailable = kubeRule({
  id: 'k8s-api-unavailable',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'apiVersion and kind must be served by the target Kubernetes version (--kube-version)',
  fix: 'use an apiVersion the target version serves, or raise --kube-version',
  check: (obj, ctx) => {
    if (!ctx.kubeVersion || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return [];
    const state = servedIn(obj.apiVersion, obj.kind, ctx.kubeVersion);
    if (state.served || state.reason !== 'not-yet') return [];
    const other = servedAlternatives(obj.apiVersion, obj.kind, ctx.kubeVersion)[0];
    return [
      {
        message: `${obj.apiVersion} ${obj.kind} is served from Kubernetes ${state.since}; ${ctx.kubeVersion} does not serve it${other ? `: use ${other}` : ''}`,
        path: 'apiVersion',
        fix: other
          ? `change apiVersion to ${other} (and adapt the fields that differ), or target Kubernetes ${state.since}+`
          : `target Kubernetes ${state.since} or later`,
      },
    ];
  },
});
