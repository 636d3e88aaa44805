import type { ResourceType } from '../api/resourceTypes.js';
import { badRequest } from '../api/statusError.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { WriteContext } from './writeOperations.js';
import { syncCrds } from './writeOperations.js';

/** How dependents of a deleted object are treated. */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

function dependentsOf(ctx: WriteContext, uid: string): { type: ResourceType; object: KubeObject }[] {
  const found: { type: ResourceType; object: KubeObject }[] = [];
  const seen = new Set<string>();
  for (const type of ctx.registry.all()) {
    const key = `${type.group}/${type.plural}`;
    if (seen.has(key) || type.group === 'metrics.k8s.io' || !type.verbs.includes('list')) continue;
    seen.add(key);
    for (const object of ctx.store.list(type).items) {
      if (object.metadata.ownerReferences?.some((o) => o.uid === uid)) found.push({ type, object });
    }
  }
  return found;
}

/**
 * Deletes an object with garbage collection of its dependents (by ownerReferences): Background and Foreground
 * delete them (recursively), Orphan strips their owner reference. Deleting a namespace deletes its content.
 * @see https://kubernetes.io/docs/concepts/architecture/garbage-collection/
 */
export function deleteObject(
  ctx: WriteContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  options: { dryRun: boolean; propagationPolicy?: string; preconditionUid?: string },
): KubeObject {
  const policy = (options.propagationPolicy ?? 'Background') as PropagationPolicy;
  if (!['Background', 'Foreground', 'Orphan'].includes(policy)) {
    throw badRequest(`unsupported propagationPolicy: ${policy} (use Background, Foreground or Orphan)`);
  }
  const live = ctx.store.get(type, namespace, name);
  if (options.dryRun)
    return ctx.store.delete(type, namespace, name, { dryRun: true, preconditionUid: options.preconditionUid });
  if (type.kind === 'Namespace') {
    for (const t of ctx.registry.all().filter((r) => r.namespaced && r.group !== 'metrics.k8s.io')) {
      for (const o of ctx.store.list(t, { namespace: name }).items) {
        if (ctx.store.find(t, name, o.metadata.name)) ctx.store.delete(t, name, o.metadata.name);
      }
    }
  }
  const deleted = ctx.store.delete(type, namespace, name, { preconditionUid: options.preconditionUid });
  const uid = live.metadata.uid;
  if (uid) {
    for (const dep of dependentsOf(ctx, uid)) {
      const { type: depType, object } = dep;
      if (policy === 'Orphan') {
        const orphan = structuredClone(object);
        orphan.metadata.ownerReferences = object.metadata.ownerReferences?.filter((o) => o.uid !== uid);
        delete orphan.metadata.resourceVersion;
        ctx.store.update(depType, orphan);
      } else if (ctx.store.find(depType, object.metadata.namespace, object.metadata.name)) {
        deleteObject(ctx, depType, object.metadata.namespace, object.metadata.name, {
          dryRun: false,
          propagationPolicy: policy,
        });
      }
    }
  }
  if (type.kind === 'CustomResourceDefinition') syncCrds(ctx);
  return deleted;
}
