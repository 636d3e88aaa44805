import type { KubeObject } from '@opspilot/core';
import type { SnapshotIndex } from './snapshotIndex.js';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** The cluster's default StorageClass, if one is marked. */
export function defaultStorageClass(index: SnapshotIndex): KubeObject | undefined {
  return index
    .of('StorageClass')
    .find((sc) => DEFAULT_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true'));
}

/**
 * Why a claim's StorageClass cannot provision it, or undefined when it can (or when it does not ask for one):
 * a named class that does not exist, or no class and no default.
 */
export function missingStorageClass(index: SnapshotIndex, pvc: KubeObject): string | undefined {
  if (!index.listed('StorageClass')) return undefined;
  const spec = (pvc.spec ?? {}) as { storageClassName?: string; volumeName?: string };
  if (spec.storageClassName === '' || spec.volumeName) return undefined;
  if (spec.storageClassName === undefined) {
    return defaultStorageClass(index) || index.of('StorageClass').length > 0
      ? undefined
      : 'names no StorageClass and the cluster has none';
  }
  return index.get('StorageClass', undefined, spec.storageClassName)
    ? undefined
    : `uses StorageClass "${spec.storageClassName}", which does not exist`;
}
