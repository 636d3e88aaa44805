import type { ClusterGateway, KubeObject, ObjectRef } from '@opspilot/core';

/** A pod with the ReplicaSet and the workload (Deployment, StatefulSet, …) that own it, as far as they exist. */
export interface PodOwners {
  pod: KubeObject;
  replicaSet?: KubeObject;
  /** The top owner: the Deployment of a ReplicaSet, else the direct controller, else the pod itself. */
  workload: KubeObject;
}

const controllerOf = (object: KubeObject) => {
  const owners = (object.metadata.ownerReferences ?? []) as { kind: string; name: string; controller?: boolean }[];
  return owners.find((o) => o.controller) ?? owners[0];
};

/**
 * Follows a pod's controller references up to its workload (Pod → ReplicaSet → Deployment), reading each owner live;
 * undefined when the pod is gone.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/
 */
export async function workloadOfPod(gateway: ClusterGateway, ref: ObjectRef): Promise<PodOwners | undefined> {
  const pod = await gateway.get({ kind: 'Pod', name: ref.name, namespace: ref.namespace });
  if (!pod) return undefined;
  const owner = controllerOf(pod);
  if (!owner) return { pod, workload: pod };
  const parent = await gateway.get({ kind: owner.kind, name: owner.name, namespace: ref.namespace });
  if (!parent) return { pod, workload: pod };
  if (owner.kind !== 'ReplicaSet') return { pod, workload: parent };
  const top = controllerOf(parent);
  const deployment = top && (await gateway.get({ kind: top.kind, name: top.name, namespace: ref.namespace }));
  return { pod, replicaSet: parent, workload: deployment ?? parent };
}
