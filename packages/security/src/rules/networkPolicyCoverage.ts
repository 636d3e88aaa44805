import {
  type KubeResource,
  type KubeRuleContext,
  kubeRule,
  namespaceOf,
  podSpecOf,
  selectorMatches,
  WORKLOAD_KINDS,
} from '@opspilot/manifests';

function policiesByNamespace(ctx: KubeRuleContext): Map<string, KubeResource[]> {
  return ctx.memo('security:netpol-by-ns', () => {
    const map = new Map<string, KubeResource[]>();
    for (const r of ctx.byKind('NetworkPolicy')) {
      const ns = namespaceOf(r.obj);
      map.set(ns, [...(map.get(ns) ?? []), r]);
    }
    return map;
  });
}

function selects(policy: KubeResource, labels: unknown): boolean {
  const sel = policy.obj.spec?.podSelector;
  const match = sel?.matchLabels;
  const exprs = sel?.matchExpressions;
  const empty = (!match || Object.keys(match).length === 0) && (!Array.isArray(exprs) || exprs.length === 0);
  if (empty) return true;
  if (Array.isArray(exprs) && exprs.length > 0) return false; // expressions: counted as not covering (conservative)
  return selectorMatches(match, labels);
}

/**
 * Pods no NetworkPolicy selects accept traffic from anywhere in the cluster.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
 */
export const networkPolicyCoverage = kubeRule({
  id: 'network-policy-coverage',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Every pod should be selected by a NetworkPolicy (a default-deny policy covers a whole namespace)',
  fix: 'add a default-deny NetworkPolicy to the namespace and allow the traffic the pods need',
  check: (obj, ctx) => {
    const pod = podSpecOf(obj);
    if (!pod) return [];
    const policies = policiesByNamespace(ctx).get(namespaceOf(obj)) ?? [];
    if (policies.some((p) => selects(p, pod.metadata.labels))) return [];
    return [
      {
        message:
          policies.length === 0
            ? `no NetworkPolicy in namespace ${namespaceOf(obj)}: its pods accept traffic from anywhere`
            : 'no NetworkPolicy selects these pods',
        path: pod.metadataPath,
      },
    ];
  },
});
