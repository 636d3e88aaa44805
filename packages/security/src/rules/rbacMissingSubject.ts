import { type KubeRuleContext, kubeRule, namespaceOf } from '@opspilot/manifests';

function accounts(ctx: KubeRuleContext): Set<string> {
  return ctx.memo('security:service-accounts', () => {
    const set = new Set<string>();
    for (const r of ctx.byKind('ServiceAccount')) set.add(`${namespaceOf(r.obj)}/${String(r.obj.metadata?.name)}`);
    return set;
  });
}

/**
 * A binding to a ServiceAccount that does not exist is a grant waiting for whoever creates that name. Checked only
 * when the run lists ServiceAccounts (a live scan does; a folder of manifests usually does not).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects
 */
export const rbacMissingSubject = kubeRule({
  id: 'rbac-missing-subject',
  appliesTo: ['RoleBinding', 'ClusterRoleBinding'],
  category: 'security',
  severity: 'WARNING',
  description: 'Bindings must not name ServiceAccounts that do not exist',
  fix: 'delete the binding or the subject entry, or create the ServiceAccount on purpose',
  check: (obj, ctx) => {
    if (ctx.byKind('ServiceAccount').length === 0) return [];
    const known = accounts(ctx);
    const subjects = Array.isArray(obj.subjects) ? obj.subjects : [];
    return subjects.flatMap((s: Record<string, unknown>, i: number) => {
      if (s?.kind !== 'ServiceAccount') return [];
      const ns = typeof s.namespace === 'string' ? s.namespace : namespaceOf(obj);
      if (known.has(`${ns}/${String(s.name)}`)) return [];
      return [{ message: `subject ServiceAccount ${ns}/${String(s.name)} does not exist`, path: `subjects[${i}]` }];
    });
  },
});
