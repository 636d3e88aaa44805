import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { AccessAttributes } from './accessReview.js';

/** Who is asking: a user name and groups. */
export interface UserInfo {
  name: string;
  groups: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}
interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

function subjectMatches(subject: Subject, user: UserInfo, bindingNamespace?: string): boolean {
  if (subject.kind === 'User') return subject.name === user.name;
  if (subject.kind === 'Group') return user.groups.includes(subject.name);
  if (subject.kind === 'ServiceAccount')
    return user.name === `system:serviceaccount:${subject.namespace ?? bindingNamespace}:${subject.name}`;
  return false;
}

function ruleAllows(rule: PolicyRule, a: AccessAttributes): boolean {
  const has = (list: string[] | undefined, value: string) => (list ?? []).includes('*') || (list ?? []).includes(value);
  if (!has(rule.verbs, a.verb)) return false;
  if (a.nonResourcePath !== undefined) {
    return (rule.nonResourceURLs ?? []).some(
      (u) => u === '*' || u === a.nonResourcePath || (u.endsWith('*') && a.nonResourcePath!.startsWith(u.slice(0, -1))),
    );
  }
  if (!has(rule.apiGroups, a.group)) return false;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (!has(rule.resources, resource) && !(rule.resources ?? []).includes(`*/${a.subresource}`)) return false;
  return !rule.resourceNames?.length || rule.resourceNames.includes(a.name);
}

/**
 * Evaluates RBAC as the API server's authorizer does: `system:masters` may do anything; otherwise a ClusterRoleBinding,
 * or a RoleBinding in the request's namespace, must bind a subject matching the user to a (Cluster)Role with a rule
 * allowing the verb, API group, resource (and subresource) and resource name.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
export function authorize(
  store: ObjectStore,
  registry: ResourceRegistry,
  user: UserInfo,
  a: AccessAttributes,
): { allowed: boolean; reason: string } {
  if (user.groups.includes('system:masters')) return { allowed: true, reason: '' };
  const type = (plural: string) => registry.find('rbac.authorization.k8s.io', 'v1', plural)!;
  const rulesOf = (kind: string, name: string, namespace?: string): PolicyRule[] => {
    const role =
      kind === 'ClusterRole'
        ? store.find(type('clusterroles'), undefined, name)
        : store.find(type('roles'), namespace, name);
    return ((role as KubeObject & { rules?: PolicyRule[] })?.rules ?? []) as PolicyRule[];
  };
  const bindings: { binding: KubeObject; namespace?: string }[] = [
    ...store.list(type('clusterrolebindings')).items.map((binding) => ({ binding })),
    ...(a.namespace
      ? store
          .list(type('rolebindings'), { namespace: a.namespace })
          .items.map((binding) => ({ binding, namespace: a.namespace }))
      : []),
  ];
  for (const { binding, namespace } of bindings) {
    const subjects = ((binding as KubeObject & { subjects?: Subject[] }).subjects ?? []) as Subject[];
    const subject = subjects.find((s) => subjectMatches(s, user, namespace));
    if (!subject) continue;
    const roleRef = (binding as KubeObject & { roleRef?: { kind: string; name: string } }).roleRef;
    if (!roleRef) continue;
    if (rulesOf(roleRef.kind, roleRef.name, namespace).some((r) => ruleAllows(r, a))) {
      const where = namespace ? ` in namespace "${namespace}"` : '';
      return {
        allowed: true,
        reason: `RBAC: allowed by ${binding.kind} "${binding.metadata.name}" of ${roleRef.kind} "${roleRef.name}" to ${subject.kind} "${subject.name}"${where}`,
      };
    }
  }
  return { allowed: false, reason: '' };
}

/**
 * The user of a request: the simulated cluster's admin token maps to `kubernetes-admin` in `system:masters`;
 * `Impersonate-User` / `Impersonate-Group` headers (kubectl `--as`, `--as-group`) replace it, and service accounts get
 * their groups.
 */
export function userOf(headers: Record<string, string | string[] | undefined>): UserInfo {
  const impersonated = headers['impersonate-user'];
  if (typeof impersonated === 'string' && impersonated) {
    const groups = ([] as string[])
      .concat(headers['impersonate-group'] ?? [])
      .flatMap((g) => g.split(','))
      .map((g) => g.trim())
      .filter(Boolean);
    const sa = impersonated.match(/^system:serviceaccount:([^:]+):[^:]+$/);
    if (sa) groups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
    groups.push('system:authenticated');
    return { name: impersonated, groups };
  }
  return { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };
}
