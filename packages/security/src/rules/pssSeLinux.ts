import { containersOf, kubeRule, podSpecOf, WORKLOAD_KINDS } from '@opspilot/manifests';

const TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

function badOptions(o: Record<string, unknown> | undefined): string | undefined {
  if (!o) return undefined;
  if (o.type !== undefined && !TYPES.has(String(o.type))) return `SELinux type ${String(o.type)}`;
  if (o.user) return `SELinux user ${String(o.user)}`;
  if (o.role) return `SELinux role ${String(o.role)}`;
  return undefined;
}

/**
 * Custom SELinux users, roles or types escape the container domain (PSS baseline "SELinux").
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const pssSeLinux = kubeRule({
  id: 'pss-selinux',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Pods must not set a custom SELinux user or role, or a type outside the container types',
  fix: 'remove seLinuxOptions user/role and use a container_* type',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (!pod) return [];
    const podBad = badOptions(pod.spec.securityContext?.seLinuxOptions);
    return containersOf(obj).flatMap(({ c, path, name }) => {
      const bad = badOptions(c.securityContext?.seLinuxOptions) ?? podBad;
      return bad ? [{ message: `container "${name}" sets ${bad}`, path: `${path}.securityContext` }] : [];
    });
  },
});
