import type { KubeObject } from '../store/kubeObject.js';

/** An ownerReference making `owner` the controller of a dependent. */
export function controllerRef(owner: KubeObject): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether `owner` is the controller of `obj`. */
export function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  return obj.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.controller) ?? false;
}

/** Writes `obj` back without an optimistic-concurrency precondition (controllers own these writes). */
export function unversioned(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj);
  delete copy.metadata.resourceVersion;
  return copy;
}
