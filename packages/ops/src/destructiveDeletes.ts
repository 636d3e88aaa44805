import type { PlanStep } from '@opspilot/core';

/**
 * Kinds whose deletion loses data, takes a service down or revokes or opens access, grouped by what is lost. Deleting
 * one of them is destructive whatever the planner claimed; deleting anything else (a ConfigMap, a bare Pod, an HPA)
 * is a write.
 */
const LOST_BY_KIND: Record<string, string> = {
  Namespace: 'every object in it',
  PersistentVolumeClaim: 'its volume and, with a Delete reclaim policy, its data',
  PersistentVolume: 'the data on it',
  StatefulSet: 'its pods and their stable identities',
  StorageClass: 'dynamic provisioning of the claims that name it',
  CustomResourceDefinition: 'every custom object of that kind',
  Node: 'the node and the pods on it',
  Deployment: 'its pods: what it serves goes down',
  DaemonSet: 'its pod on every node',
  ReplicaSet: 'its pods',
  Job: 'its pods and their output',
  CronJob: 'its schedule and running jobs',
  Service: 'the stable address its clients use',
  Ingress: 'external traffic to its services',
  Secret: 'the credentials or keys it holds (not recoverable: the values are not kept)',
  ServiceAccount: 'the identity and tokens of the pods that run as it',
  Role: 'permissions its subjects rely on',
  ClusterRole: 'permissions its subjects rely on',
  RoleBinding: 'permissions of its subjects',
  ClusterRoleBinding: 'permissions of its subjects',
  NetworkPolicy: 'the traffic restrictions it enforces (traffic it blocked is allowed again)',
  ValidatingWebhookConfiguration: 'the admission checks it enforces',
  MutatingWebhookConfiguration: 'the admission defaults it enforces',
};

/**
 * Why a step is a destructive delete: the deletion of a stateful, serving or credential object (see
 * {@link LOST_BY_KIND}), or nothing for any other step.
 * @see https://kubernetes.io/docs/concepts/architecture/garbage-collection/
 */
export function destructiveDeletes(step: PlanStep): string[] {
  if (step.op !== 'delete') return [];
  const { kind, name, namespace } = step.target;
  const lost = LOST_BY_KIND[kind];
  return lost ? [`deletes ${kind} ${namespace ? `${namespace}/` : ''}${name}: loses ${lost}`] : [];
}
