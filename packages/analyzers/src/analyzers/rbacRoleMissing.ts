import { defineAnalyzer, type Finding } from '@opspilot/core';
import { DOCS } from '../docsUrls.js';
import { fieldEvidence, findingOf } from '../findingOf.js';
import { nameOf } from '../podHelpers.js';
import { indexSnapshot } from '../snapshotIndex.js';

const ID = 'rbac-role-missing';
/**
 * The user-facing ClusterRoles the API server creates and reconciles at every start: a binding to one of them is
 * never dangling, even where a listing does not show them.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles
 */
const BOOTSTRAP_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/**
 * RoleBindings and ClusterRoleBindings whose `roleRef` names a Role or ClusterRole that does not exist: the
 * subjects get none of the permissions the binding was meant to grant.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding
 */
export const rbacRoleMissing = defineAnalyzer({
  id: ID,
  kinds: ['RoleBinding', 'ClusterRoleBinding', 'Role', 'ClusterRole'],
  description: 'Role bindings to roles that do not exist',
  analyze(snapshot) {
    const index = indexSnapshot(snapshot);
    const findings: Finding[] = [];
    for (const binding of [...index.of('RoleBinding'), ...index.of('ClusterRoleBinding')]) {
      const ref = (binding as { roleRef?: { kind?: string; name?: string } }).roleRef;
      if (!ref?.kind || !ref.name || !index.listed(ref.kind)) continue;
      const ns = ref.kind === 'Role' ? binding.metadata.namespace : undefined;
      if (index.get(ref.kind, ns, ref.name)) continue;
      if (ref.kind === 'ClusterRole' && (BOOTSTRAP_CLUSTER_ROLES.has(ref.name) || ref.name.startsWith('system:')))
        continue;
      findings.push(
        findingOf({
          analyzer: ID,
          severity: 'MEDIUM',
          object: binding,
          message: `${binding.kind} ${nameOf(binding)} binds ${ref.kind} ${ref.name}, which does not exist${ns ? ` in namespace ${ns}` : ''}: its subjects get no permissions from it`,
          evidence: [fieldEvidence(binding, 'roleRef', ref)],
          sensitive: [ref.name],
          proposedFix: {
            description: `Create ${ref.kind} ${ref.name}, or bind an existing role (roleRef cannot be changed: recreate the binding)`,
            command: `kubectl get ${ref.kind.toLowerCase()}s${ns ? ` -n ${ns}` : ''}`,
          },
          docsUrl: DOCS.rbac,
        }),
      );
    }
    return findings;
  },
});
