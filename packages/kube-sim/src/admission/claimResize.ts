import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { parseQuantity } from '../controllers/quantity.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

type Json = Record<string, unknown>;

/** The requested storage of a claim in bytes, if it asks for any. */
export function requestedStorage(claim: KubeObject): number | undefined {
  const requests = ((claim.spec as Json | undefined)?.resources as Json | undefined)?.requests as Json | undefined;
  return requests?.storage === undefined ? undefined : parseQuantity(requests.storage);
}

/**
 * The PersistentVolumeClaimResize admission plugin: a claim may only grow when its StorageClass sets
 * `allowVolumeExpansion: true`; otherwise the reason the real API server gives in its 403.
 * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#expanding-persistent-volumes-claims
 */
export function claimResizeRefusal(
  store: ObjectStore,
  registry: ResourceRegistry,
  claim: KubeObject,
  live: KubeObject,
): string | undefined {
  const wanted = requestedStorage(claim);
  const before = requestedStorage(live);
  if (wanted === undefined || before === undefined || wanted <= before) return undefined;
  const classes = registry.find('storage.k8s.io', 'v1', 'storageclasses');
  const className = (live.spec as Json | undefined)?.storageClassName;
  const sc = classes && typeof className === 'string' ? store.find(classes, undefined, className) : undefined;
  if ((sc as Json | undefined)?.allowVolumeExpansion === true) return undefined;
  return 'only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize';
}
