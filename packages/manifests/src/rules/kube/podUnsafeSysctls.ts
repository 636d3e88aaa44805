import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/** The namespaced sysctls Kubernetes considers safe. */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/**
 * Unsafe sysctls can affect other pods on the node or the node itself.
 * @see https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/
 */
export const podUnsafeSysctls = kubeRule({
  id: 'pod-unsafe-sysctls',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Pods must set only safe sysctls',
  fix: 'remove the sysctl or tune it on the node instead',
  check: (obj) => {
    const pod = podSpecOf(obj);
    const sysctls = pod?.spec.securityContext?.sysctls;
    if (!Array.isArray(sysctls)) return [];
    return sysctls.flatMap((s: { name?: string }, i: number) =>
      typeof s?.name === 'string' && !SAFE.has(s.name)
        ? [{ message: `the pod sets the unsafe sysctl ${s.name}`, path: `${pod?.path}.securityContext.sysctls[${i}]` }]
        : [],
    );
  },
});
