import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/** Node paths whose mount hands the pod the node (kube-linter sensitive-host-mounts); runtime sockets are pod-runtime-socket's. */
const SENSITIVE = [
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
  '/bin',
  '/sbin',
  '/root',
  '/var/run',
  '/run',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/etc/kubernetes',
];

/** True when `path` is a sensitive node path or lies under one of the system folders. */
export function sensitiveHostPath(path: string): boolean {
  const p = path.replace(/\/+$/, '') || '/';
  return SENSITIVE.some((s) => p === s || (s !== '/' && !['/run', '/var/run'].includes(s) && p.startsWith(`${s}/`)));
}

/**
 * A hostPath volume of a system folder (/, /etc, /proc, /sys, /var/lib/kubelet, /var/run) gives the pod the
 * node: its credentials, its processes, its kubelet. Container runtime sockets are reported by pod-runtime-socket.
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export const podSensitiveHostMount = kubeRule({
  id: 'pod-sensitive-host-mount',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Pods must not mount sensitive node paths (/, /etc, /proc, /sys, /var/lib/kubelet, /var/run)',
  fix: 'remove the hostPath volume; give the pod what it needs through the API, a ConfigMap or a CSI volume',
  check: (obj) => {
    const pod = podSpecOf(obj);
    const volumes = Array.isArray(pod?.spec.volumes) ? pod.spec.volumes : [];
    return volumes.flatMap((v: { name?: string; hostPath?: { path?: unknown } }, i: number) =>
      typeof v?.hostPath?.path === 'string' && sensitiveHostPath(v.hostPath.path)
        ? [
            {
              message: `volume "${v.name ?? i}" mounts the sensitive node path ${v.hostPath.path}`,
              path: `${pod?.path}.volumes[${i}].hostPath.path`,
            },
          ]
        : [],
    );
  },
});
