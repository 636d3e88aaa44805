import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { templateHash } from './deploymentController.js';
import { controllerRef, isOwnedBy, unversioned } from './ownership.js';

type Json = Record<string, unknown>;

/** The label carrying a revision's hash, on ControllerRevisions and on the pods made from them. */
export const REVISION_HASH = 'controller.kubernetes.io/hash';

/**
 * The ControllerRevisions a StatefulSet or DaemonSet owns, oldest revision first.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/controller-revision-v1/
 */
export function ownedRevisions(ctx: ControllerContext, owner: KubeObject, all?: KubeObject[]): KubeObject[] {
  const candidates =
    all ?? ctx.store.list(ctx.type('ControllerRevision'), { namespace: owner.metadata.namespace }).items;
  return candidates
    .filter((r) => r.metadata.namespace === owner.metadata.namespace && isOwnedBy(r, owner))
    .sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0));
}

/**
 * The ControllerRevision of the owner's current pod template, created (`<owner>-<hash>`, next revision number)
 * when it is new, or renumbered to the newest when an older template comes back (a rollback).
 */
export function ensureRevision(ctx: ControllerContext, owner: KubeObject, revisions: KubeObject[]): KubeObject {
  const template = (owner.spec as Json).template;
  const hash = templateHash(template);
  const type = ctx.type('ControllerRevision');
  const newest = Math.max(0, ...revisions.map((r) => Number(r.revision ?? 0)));
  const existing = revisions.find((r) => r.metadata.labels?.[REVISION_HASH] === hash);
  if (existing) {
    if (Number(existing.revision ?? 0) === newest) return existing;
    return ctx.store.update(type, { ...unversioned(existing), revision: newest + 1 });
  }
  const labels = ((template as Json | undefined)?.metadata as Json | undefined)?.labels as
    | Record<string, string>
    | undefined;
  return ctx.store.create(type, {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: freeRevisionName(ctx, owner, hash),
      namespace: owner.metadata.namespace,
      labels: { ...labels, [REVISION_HASH]: hash },
      ownerReferences: [controllerRef(owner)],
    },
    data: { spec: { template: { ...(template as Json), $patch: 'replace' } } },
    revision: newest + 1,
  });
}

/**
 * `<owner>-<hash>`, or, when another object already holds that name (a DaemonSet and a StatefulSet of the same name
 * and template, or a deleted owner's revision not yet collected), the hash of the template with the first collision
 * count that is free, as the real controllers' collision count does.
 */
function freeRevisionName(ctx: ControllerContext, owner: KubeObject, hash: string): string {
  const type = ctx.type('ControllerRevision');
  const template = (owner.spec as Json).template;
  let name = `${owner.metadata.name}-${hash}`;
  for (let collisions = 1; ctx.store.find(type, owner.metadata.namespace, name); collisions++)
    name = `${owner.metadata.name}-${templateHash({ template, collisions })}`;
  return name;
}

/** The pod template a revision recorded. */
export function revisionTemplate(revision: KubeObject): { metadata?: Json; spec?: Json } {
  const template = structuredClone(((revision.data as Json).spec as Json).template as Json);
  delete template.$patch;
  return template;
}

/** Deletes the oldest revisions no pod uses beyond `limit` (the owner's `revisionHistoryLimit`). */
export function trimRevisions(
  ctx: ControllerContext,
  revisions: KubeObject[],
  inUse: Set<string>,
  limit: number,
): void {
  const unused = revisions.filter((r) => !inUse.has(r.metadata.name));
  for (const r of unused.slice(0, Math.max(0, unused.length - limit)))
    ctx.store.delete(ctx.type('ControllerRevision'), r.metadata.namespace, r.metadata.name);
}
