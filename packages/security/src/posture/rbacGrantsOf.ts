import { type KubeResource, namespaceOf } from '@opspilot/manifests';
import { grantRules, grants } from '../rules/rbacRuleGrants.js';
import type { RbacGrant } from './securityScan.js';

type Permission = RbacGrant['permission'];

function permissionsOf(role: KubeResource | undefined, roleName: string): Permission[] {
  if (roleName === 'cluster-admin') return ['cluster-admin'];
  if (!role) return [];
  const out = new Set<Permission>();
  for (const r of grantRules(role.obj)) {
    if (r.verbs.includes('*') && r.resources.includes('*')) out.add('wildcard');
    if (r.resourceNames.length === 0 && ['get', 'list', 'watch'].some((v) => grants(r, v, 'secrets')))
      out.add('read-secrets');
    if (grants(r, 'create', 'pods')) out.add('create-pods');
    if (grants(r, 'create', 'pods/exec')) out.add('exec');
    for (const v of ['escalate', 'bind', 'impersonate'] as const)
      if (r.verbs.includes(v) || r.verbs.includes('*')) out.add(v);
  }
  return [...out];
}

/**
 * Who can read Secrets, create pods, exec, escalate, bind or impersonate, or holds cluster-admin: every subject of
 * every binding, resolved through the role it names.
 */
export function rbacGrantsOf(resources: KubeResource[]): RbacGrant[] {
  const roles = new Map<string, KubeResource>();
  for (const r of resources) {
    if (r.obj.kind === 'ClusterRole') roles.set(`ClusterRole//${r.obj.metadata?.name}`, r);
    if (r.obj.kind === 'Role') roles.set(`Role/${namespaceOf(r.obj)}/${r.obj.metadata?.name}`, r);
  }
  const out: RbacGrant[] = [];
  for (const b of resources) {
    if (b.obj.kind !== 'RoleBinding' && b.obj.kind !== 'ClusterRoleBinding') continue;
    const ref = b.obj.roleRef ?? {};
    const ns = b.obj.kind === 'RoleBinding' ? namespaceOf(b.obj) : undefined;
    const role = roles.get(ref.kind === 'Role' ? `Role/${ns}/${ref.name}` : `ClusterRole//${ref.name}`);
    const permissions = permissionsOf(role, String(ref.name));
    for (const s of Array.isArray(b.obj.subjects) ? b.obj.subjects : []) {
      const subject =
        s?.kind === 'ServiceAccount'
          ? `ServiceAccount/${s.namespace ?? ns ?? 'default'}/${s.name}`
          : `${String(s?.kind)}/${String(s?.name)}`;
      for (const permission of permissions) {
        out.push({
          subject,
          permission,
          via: `${b.obj.kind}/${ns ? `${ns}/` : ''}${b.obj.metadata?.name} → ${ref.kind}/${ref.name}`,
          ...(ns ? { namespace: ns } : {}),
        });
      }
    }
  }
  return out.sort((a, b) => a.permission.localeCompare(b.permission) || a.subject.localeCompare(b.subject));
}
