import { kubeRule } from '../kubeRule.js';

/**
 * Binding cluster-admin gives unrestricted control of the whole cluster.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
 */
export const rbacClusterAdminBinding = kubeRule({
  id: 'rbac-cluster-admin-binding',
  appliesTo: ['ClusterRoleBinding', 'RoleBinding'],
  category: 'security',
  severity: 'ERROR',
  description: 'Nothing should be bound to the cluster-admin role',
  fix: 'bind a role granting only the permissions needed',
  check: (obj) =>
    obj.roleRef?.name === 'cluster-admin'
      ? [{ message: `${obj.kind} grants cluster-admin`, path: 'roleRef.name' }]
      : [],
});
