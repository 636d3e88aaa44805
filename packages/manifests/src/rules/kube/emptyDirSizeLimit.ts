import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * An emptyDir without sizeLimit can fill the node's disk (or, with medium Memory, its RAM).
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
export const emptyDirSizeLimit = kubeRule({
  id: 'emptydir-size-limit',
  appliesTo: WORKLOAD_KINDS,
  category: 'efficiency',
  severity: 'INFO',
  description: 'emptyDir volumes should set sizeLimit',
  fix: 'set emptyDir.sizeLimit (e.g. 1Gi)',
  check: (obj) => {
    const pod = podSpecOf(obj);
    const volumes = Array.isArray(pod?.spec.volumes) ? pod.spec.volumes : [];
    return volumes.flatMap((v: { name?: string; emptyDir?: { sizeLimit?: unknown } | null }, i: number) =>
      v && 'emptyDir' in v && (v.emptyDir === null || v.emptyDir?.sizeLimit === undefined)
        ? [{ message: `emptyDir volume "${v.name ?? i}" has no sizeLimit`, path: `${pod?.path}.volumes[${i}]` }]
        : [],
    );
  },
});
