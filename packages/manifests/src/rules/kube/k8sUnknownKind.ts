import { closest, knownApi, splitApiVersion } from '../../kube/knownKinds.js';
import { modelFor } from '../../kube/modelRegistry.js';
import { removedApiOf } from '../../kube/removedApis.js';
import { kubeRule } from '../kubeRule.js';

/** Orders API versions as Kubernetes prefers them: GA before beta before alpha, newer first (v2 > v1 > v1beta2). */
export function byStability(a: string, b: string): number {
  const rank = (v: string) => {
    const m = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return 0;
    const level = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
    return level * 1e6 + Number(m[1]) * 1e3 + Number(m[3] ?? 0);
  };
  return rank(b) - rank(a);
}

/** What is wrong with an apiVersion/kind no schema knows, with a suggestion; undefined for a plain custom resource. */
export function unknownTypeProblem(apiVersion: string, kind: string): string | undefined {
  const api = knownApi();
  const { group, version } = splitApiVersion(apiVersion);
  const versions = api.groups.get(group);
  const servedAs = api.kinds.get(kind)?.slice().sort(byStability);
  if (!versions) {
    // A group Kubernetes does not serve: a custom resource, unless the kind is a built-in one (a typo'd group).
    return servedAs ? `${apiVersion} is not an API group that serves ${kind}; did you mean ${servedAs[0]}?` : undefined;
  }
  const kinds = versions.get(version);
  if (!kinds) {
    const other = (servedAs?.filter((v) => splitApiVersion(v).group === group) ?? []).slice(0, 1);
    return `${apiVersion} is not a Kubernetes API version${other.length ? `; ${kind} is served as ${other.join(', ')}` : ` (${group || 'core'} serves ${[...versions.keys()].join(', ')})`}`;
  }
  if (kinds.has(kind)) return undefined;
  const near = closest(kind, kinds) ?? closest(kind, api.kinds.keys());
  if (near && api.kinds.get(near)?.includes(apiVersion))
    return `${apiVersion} has no kind ${kind}; did you mean ${near}?`;
  if (near)
    return `${apiVersion} has no kind ${kind}; did you mean ${api.kinds.get(near)?.slice().sort(byStability)[0]} ${near}?`;
  if (servedAs) return `${apiVersion} has no kind ${kind}; it is served as ${servedAs.join(', ')}`;
  return `${apiVersion} has no kind ${kind}`;
}

/**
 * An object whose apiVersion or kind the Kubernetes API does not serve is refused by the API server (kubeconform:
 * "could not find schema"). Custom resources are checked against their CRD (see k8s-schema) when the input or a
 * schema folder holds it; a custom resource of a group no CRD in the input defines is left alone.
 * @see https://kubernetes.io/docs/reference/using-api/#api-groups
 */
export const k8sUnknownKind = kubeRule({
  id: 'k8s-unknown-kind',
  appliesTo: ['*'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'apiVersion and kind must name a type the Kubernetes API (or a CRD of the input) serves',
  fix: 'correct apiVersion and kind (kubectl api-resources lists what a cluster serves)',
  check: (obj, ctx) => {
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') return [];
    if (modelFor(obj.apiVersion, obj.kind) || removedApiOf(obj.apiVersion, obj.kind)) return [];
    if (ctx.schemas?.lookup(obj.apiVersion, obj.kind)) return [];
    const custom = ctx.schemas?.suggest(obj.apiVersion, obj.kind);
    if (custom)
      return [{ message: `no CRD of the input defines ${obj.apiVersion} ${obj.kind}; ${custom}`, path: 'kind' }];
    const problem = unknownTypeProblem(obj.apiVersion, obj.kind);
    return problem ? [{ message: problem, path: /has no kind/.test(problem) ? 'kind' : 'apiVersion' }] : [];
  },
});
