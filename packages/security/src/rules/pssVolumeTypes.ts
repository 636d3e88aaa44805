import { kubeRule, podSpecOf, WORKLOAD_KINDS } from '@opspilot/manifests';

/** Volume sources PSS restricted allows. */
const ALLOWED = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/**
 * PSS restricted allows only core volume types; hostPath is baseline's own control and not repeated here.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const pssVolumeTypes = kubeRule({
  id: 'pss-volume-types',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Pods may use only configMap, csi, downwardAPI, emptyDir, ephemeral, PVC, projected and secret volumes',
  fix: 'replace the volume with a PersistentVolumeClaim or one of the allowed types',
  check: (obj) => {
    const pod = podSpecOf(obj);
    const volumes = Array.isArray(pod?.spec.volumes) ? pod.spec.volumes : [];
    return volumes.flatMap((v: Record<string, unknown>, i: number) => {
      const type = Object.keys(v ?? {}).find((k) => k !== 'name');
      if (!type || ALLOWED.has(type) || type === 'hostPath') return [];
      return [{ message: `volume "${String(v.name ?? i)}" is of type ${type}`, path: `${pod?.path}.volumes[${i}]` }];
    });
  },
});
