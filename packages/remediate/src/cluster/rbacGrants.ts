import type { ClusterGateway, KubeObject } from '@opspilot/core';

/** One rule of a Role or ClusterRole. */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** What a service account asks to do. */
export interface Wanted {
  serviceAccount: string;
  accountNamespace: string;
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
}

/** A rule as the catalogue words it: `list pods in group(s) ""`. */
export const describeRule = (r: PolicyRule) =>
  `${(r.verbs ?? []).join(',')} ${(r.resources ?? []).join(',')} in group(s) ${(r.apiGroups ?? []).map((g) => g || '""').join(',')}`;

const has = (list: string[] | undefined, value: string) => (list ?? []).some((v) => v === '*' || v === value);

/** Whether a rule allows the request (resource names not narrowed). */
export function ruleAllows(rule: PolicyRule, wanted: Pick<Wanted, 'verb' | 'resource' | 'group'>): boolean {
  return (
    has(rule.apiGroups, wanted.group) &&
    has(rule.resources, wanted.resource) &&
    has(rule.verbs, wanted.verb) &&
    !(rule.resourceNames?.length ?? 0)
  );
}

/** Whether a binding names the service account among its subjects. */
export function bindsAccount(
  binding: KubeObject,
  wanted: Pick<Wanted, 'serviceAccount' | 'accountNamespace'>,
): boolean {
  const subjects = ((binding as { subjects?: { kind: string; name: string; namespace?: string }[] }).subjects ??
    []) as { kind: string; name: string; namespace?: string }[];
  return subjects.some(
    (s) => s.kind === 'ServiceAccount' && s.name === wanted.serviceAccount && s.namespace === wanted.accountNamespace,
  );
}

/** The role a binding refers to. */
export function roleRefOf(binding: KubeObject): { kind: string; name: string } {
  return (binding as { roleRef?: { kind: string; name: string } }).roleRef ?? { kind: 'Role', name: '' };
}

/**
 * Whether the Roles and ClusterRoles bound to a service account (in the request's namespace, and cluster-wide) grant
 * the request, as the RBAC authorizer decides it (the union of the rules; no deny rules).
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#role-and-clusterrole
 */
export async function accountIsGranted(gateway: ClusterGateway, wanted: Wanted): Promise<boolean> {
  const bindings = [
    ...(wanted.namespace ? await gateway.list('RoleBinding', { namespace: wanted.namespace }) : []),
    ...(await gateway.list('ClusterRoleBinding')),
  ].filter((b) => bindsAccount(b, wanted));
  for (const binding of bindings) {
    const ref = roleRefOf(binding);
    const role = await gateway.get({
      kind: ref.kind,
      name: ref.name,
      ...(ref.kind === 'Role' ? { namespace: binding.metadata.namespace } : {}),
    });
    const rules = ((role as { rules?: PolicyRule[] } | undefined)?.rules ?? []) as PolicyRule[];
    if (rules.some((r) => ruleAllows(r, wanted))) return true;
  }
  return false;
}
