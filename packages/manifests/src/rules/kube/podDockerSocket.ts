import { podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const SOCKETS = /(docker|containerd|crio)\.sock$|^\/var\/run\/(docker|containerd|crio)\/?$/;

/**
 * Mounting the container runtime's socket gives the pod control of every container on the node.
 * @see https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
export const podDockerSocket = kubeRule({
  id: 'pod-runtime-socket',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Pods must not mount the container runtime socket',
  fix: 'remove the volume mounting the runtime socket',
  check: (obj) => {
    const pod = podSpecOf(obj);
    const volumes = Array.isArray(pod?.spec.volumes) ? pod.spec.volumes : [];
    return volumes.flatMap((v: { hostPath?: { path?: unknown } }, i: number) =>
      typeof v?.hostPath?.path === 'string' && SOCKETS.test(v.hostPath.path)
        ? [{ message: `the pod mounts the runtime socket ${v.hostPath.path}`, path: `${pod?.path}.volumes[${i}]` }]
        : [],
    );
  },
});
