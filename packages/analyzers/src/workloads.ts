import type { KubeObject } from '@opspilot/core';
import type { SnapshotIndex } from './snapshotIndex.js';

/** Kinds whose pod template a fix should change rather than the pod (which its controller would recreate). */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);

/**
 * The object a fix should be applied to: a pod's top-level controller (Deployment over ReplicaSet, CronJob over
 * Job), or the pod itself when it has none in the snapshot.
 */
export function topOwner(index: SnapshotIndex, obj: KubeObject): KubeObject {
  let current = obj;
  const seen = new Set<KubeObject>();
  for (;;) {
    seen.add(current);
    const owner = index.controllerOf(current);
    if (!owner || seen.has(owner) || !TEMPLATE_KINDS.has(owner.kind)) return current;
    current = owner;
  }
}

/** How kubectl names an object on its command line: `deployment/web -n shop`, `node/worker-1`. */
export function kubectlRef(obj: KubeObject): string {
  const ns = obj.metadata.namespace ? ` -n ${obj.metadata.namespace}` : '';
  return `${obj.kind.toLowerCase()}/${obj.metadata.name}${ns}`;
}

/**
 * A strategic merge patch changing one container of an object's pod template (or of a pod), e.g. raising a memory
 * limit: containers merge by name, so only the named container and the given fields change.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export function containerPatch(
  target: KubeObject,
  container: string,
  fields: Record<string, unknown>,
  init = false,
): Record<string, unknown> {
  const list = init ? 'initContainers' : 'containers';
  const podSpec = { [list]: [{ name: container, ...fields }] };
  if (target.kind === 'Pod') return { spec: podSpec };
  if (target.kind === 'CronJob') return { spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } };
  return { spec: { template: { spec: podSpec } } };
}

/** The `kubectl patch` command applying a patch body of a type to an object. */
export function patchCommand(target: KubeObject, type: 'merge' | 'strategic' | 'json', body: unknown): string {
  return `kubectl patch ${kubectlRef(target)} --type ${type} -p '${JSON.stringify(body)}'`;
}
