import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * hostPath volumes give the pod the node's filesystem; prefer persistent volumes, ConfigMaps or emptyDir.
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export const podHostPathVolume = kubeRule({
  id: 'pod-host-path-volume',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Pods must not mount hostPath volumes',
  fix: 'replace the hostPath volume with a PersistentVolumeClaim, ConfigMap or emptyDir',
  check: (obj) => {
    const pod = podSpecOf(obj);
    const volumes = Array.isArray(pod?.spec.volumes) ? pod.spec.volumes : [];
    return volumes.flatMap((v: { name?: string; hostPath?: { path?: string } }, i: number) =>
      v?.hostPath
        ? [
            {
              message: `volume "${v.name ?? i}" mounts the node path ${v.hostPath.path ?? '(unset)'}`,
              path: `${pod?.path}.volumes[${i}].hostPath`,
            },
          ]
        : [],
    );
  },
});
