import { kubeRule } from '../kubeRule.js';

const READ = new Set(['get', 'list', 'watch', '*']);

/**
 * Reading Secrets is reading every credential in scope; keep such grants rare and visible.
 * @see https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets
 */
export const rbacSecretsAccess = kubeRule({
  id: 'rbac-secrets-access',
  appliesTo: ['Role', 'ClusterRole'],
  category: 'security',
  severity: 'WARNING',
  description: 'Roles should not grant read access to Secrets',
  fix: 'drop secrets from the rule, or restrict it with resourceNames',
  check: (obj) =>
    (Array.isArray(obj.rules) ? obj.rules : []).flatMap((r: Record<string, unknown>, i: number) => {
      const resources = Array.isArray(r?.resources) ? (r.resources as unknown[]) : [];
      const verbs = Array.isArray(r?.verbs) ? (r.verbs as unknown[]) : [];
      const named = Array.isArray(r?.resourceNames) && r.resourceNames.length > 0;
      if (named || !resources.includes('secrets') || !verbs.some((v) => READ.has(String(v)))) return [];
      return [{ message: `rule ${i} can read Secrets`, path: `rules[${i}]` }];
    }),
});
