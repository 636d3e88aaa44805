import type { PodSpec } from './kubeTypes.js';

/** A reference from a pod spec to a ConfigMap or Secret, with where it is made (for evidence). */
export interface ObjectReference {
  kind: 'ConfigMap' | 'Secret';
  name: string;
  optional: boolean;
  where: string;
}

/**
 * Every ConfigMap and Secret a pod spec references: env `valueFrom`, `envFrom`, volumes (plain and projected) and
 * `imagePullSecrets`.
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-and-pods
 */
export function podReferences(spec: PodSpec): ObjectReference[] {
  const refs: ObjectReference[] = [];
  const add = (
    kind: ObjectReference['kind'],
    name: string | undefined,
    optional: boolean | undefined,
    where: string,
  ) => {
    if (name) refs.push({ kind, name, optional: optional === true, where });
  };
  for (const [list, containers] of [
    ['initContainers', spec.initContainers ?? []],
    ['containers', spec.containers],
  ] as const) {
    for (const c of containers) {
      const at = `spec.${list}[${c.name}]`;
      for (const e of c.env ?? []) {
        add(
          'ConfigMap',
          e.valueFrom?.configMapKeyRef?.name,
          e.valueFrom?.configMapKeyRef?.optional,
          `${at}.env[${e.name}]`,
        );
        add('Secret', e.valueFrom?.secretKeyRef?.name, e.valueFrom?.secretKeyRef?.optional, `${at}.env[${e.name}]`);
      }
      for (const [i, from] of (c.envFrom ?? []).entries()) {
        add('ConfigMap', from.configMapRef?.name, from.configMapRef?.optional, `${at}.envFrom[${i}]`);
        add('Secret', from.secretRef?.name, from.secretRef?.optional, `${at}.envFrom[${i}]`);
      }
    }
  }
  for (const v of spec.volumes ?? []) {
    add('ConfigMap', v.configMap?.name, v.configMap?.optional, `spec.volumes[${v.name}]`);
    add('Secret', v.secret?.secretName, v.secret?.optional, `spec.volumes[${v.name}]`);
    for (const source of v.projected?.sources ?? []) {
      add('ConfigMap', source.configMap?.name, source.configMap?.optional, `spec.volumes[${v.name}].projected`);
      add('Secret', source.secret?.name, source.secret?.optional, `spec.volumes[${v.name}].projected`);
    }
  }
  for (const s of spec.imagePullSecrets ?? []) add('Secret', s.name, true, 'spec.imagePullSecrets');
  return refs;
}
