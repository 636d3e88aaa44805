import { kubeRule } from '../kubeRule.js';

/**
 * Wildcards in RBAC rules grant access to everything present and future; name verbs and resources.
 * @see https://kubernetes.io/docs/concepts/security/rbac-good-practices/
 */
export const rbacWildcard = kubeRule({
  id: 'rbac-wildcard',
  appliesTo: ['Role', 'ClusterRole'],
  category: 'security',
  severity: 'WARNING',
  description: 'RBAC rules must not use "*" in apiGroups, resources or verbs',
  fix: 'list the exact apiGroups, resources and verbs needed',
  check: (obj) =>
    (Array.isArray(obj.rules) ? obj.rules : []).flatMap((r: Record<string, unknown>, i: number) =>
      (['apiGroups', 'resources', 'verbs'] as const)
        .filter((k) => Array.isArray(r?.[k]) && (r[k] as unknown[]).includes('*'))
        .map((k) => ({ message: `rule ${i} grants "*" ${k}`, path: `rules[${i}].${k}` })),
    ),
});
