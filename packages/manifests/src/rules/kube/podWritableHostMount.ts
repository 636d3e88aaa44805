import { containersOf, podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A container that mounts a hostPath volume without `readOnly: true` can write to the node's filesystem: plant
 * binaries, change the kubelet's files, fill the node's disk. kube-linter: writable-host-mount (every mount of a
 * hostPath volume in any container, init containers included, that is not read-only).
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export const podWritableHostMount = kubeRule({
  id: 'pod-writable-host-mount',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers must mount hostPath volumes read-only',
  fix: 'set readOnly: true on the volumeMount (or replace the hostPath volume)',
  check: (obj) => {
    const volumes = podSpecOf(obj)?.spec.volumes;
    if (!Array.isArray(volumes)) return [];
    const hostPaths = new Map<string, string>();
    for (const v of volumes) {
      if (v?.hostPath && typeof v.name === 'string') hostPaths.set(v.name, String(v.hostPath.path ?? '(unset)'));
    }
    if (hostPaths.size === 0) return [];
    return containersOf(obj).flatMap(({ c, path, name }) => {
      const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
      return mounts.flatMap((m: { name?: unknown; readOnly?: unknown; mountPath?: unknown }, j: number) => {
        const node = typeof m?.name === 'string' ? hostPaths.get(m.name) : undefined;
        if (node === undefined || m.readOnly === true) return [];
        return [
          {
            message: `container "${name}" mounts the node path ${node} writable at ${String(m.mountPath)}`,
            path: `${path}.volumeMounts[${j}]`,
          },
        ];
      });
    });
  },
});
