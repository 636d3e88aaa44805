import { z } from 'zod';
import type { ResourceType } from '../api/resourceTypes.js';
import { badRequest, invalid } from '../api/statusError.js';
import { decodeProtobufObject } from '../protobuf/decodeProtobufObject.js';
import type { KubeObject } from '../store/kubeObject.js';
import { decodeBody } from './httpIo.js';
import type { WriteContext } from './writeOperations.js';
import { syncCrds } from './writeOperations.js';

/**
 * How dependents of a deleted object are treated.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/**
 * A `DeleteOptions` body (or the same options from the query string), validated.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export const DeleteOptionsBody = z
  .object({
    kind: z.literal('DeleteOptions').optional(),
    apiVersion: z.string().optional(),
    propagationPolicy: z.string().optional(),
    orphanDependents: z.boolean().optional(),
    gracePeriodSeconds: z.number().int().optional(),
    dryRun: z.array(z.string()).optional(),
    preconditions: z.object({ uid: z.string().optional(), resourceVersion: z.string().optional() }).loose().optional(),
  })
  .loose();
/**
 * A parsed DeleteOptions body.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export type DeleteOptionsBody = z.infer<typeof DeleteOptionsBody>;

/** The four bytes every Kubernetes protobuf body starts with. */
const PROTOBUF_MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/**
 * Reads an optional DeleteOptions body, JSON or protobuf (helm sends `k8s\0`-framed protobuf when it purges a
 * release's Secrets); a malformed one is a 400.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export function parseDeleteOptions(raw: Buffer): DeleteOptionsBody {
  if (raw.length === 0) return {};
  const protobuf = raw.subarray(0, 4).equals(PROTOBUF_MAGIC);
  const parsed = DeleteOptionsBody.safeParse(
    protobuf ? decodeProtobufObject(raw) : decodeBody('application/json', raw),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(`invalid DeleteOptions: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Options of {@link deleteObject}, as the HTTP layer resolved them.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export interface DeleteRequest {
  dryRun: boolean;
  propagationPolicy?: string;
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** Kinds whose DELETE answers with the deleted object rather than a Success Status, as on a real server. */
const RETURNS_OBJECT = new Set([
  'Pod',
  'Service',
  'Namespace',
  'ServiceAccount',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
]);

function dependentsOf(ctx: WriteContext, uid: string): { type: ResourceType; object: KubeObject }[] {
  const found: { type: ResourceType; object: KubeObject }[] = [];
  for (const type of ctx.registry.all()) {
    if (type.storage || type.group === 'metrics.k8s.io' || !type.verbs.includes('list')) continue;
    for (const object of ctx.store.list(type).items) {
      if (object.metadata.ownerReferences?.some((o) => o.uid === uid)) found.push({ type, object });
    }
  }
  return found;
}

/**
 * Reads the propagation policy from `propagationPolicy` or the older `orphanDependents`.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export function propagationOf(policy: string | undefined, orphanDependents?: boolean): PropagationPolicy {
  const resolved = policy ?? (orphanDependents === true ? 'Orphan' : 'Background');
  if (resolved !== 'Background' && resolved !== 'Foreground' && resolved !== 'Orphan') {
    throw invalid('DeleteOptions', '', [
      {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: "${resolved}": supported values: "Foreground", "Background", "Orphan"`,
        field: 'propagationPolicy',
      },
    ]);
  }
  return resolved;
}

/**
 * Deletes an object with garbage collection of its dependents (by ownerReferences): Background and Foreground
 * delete them (recursively, before the call returns), Orphan strips their owner reference. Deleting a namespace
 * deletes its content. `dryRun` checks everything and changes nothing.
 * @see https://kubernetes.io/docs/concepts/architecture/garbage-collection/
 */
export function deleteObject(
  ctx: WriteContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  request: DeleteRequest,
): KubeObject {
  const policy = propagationOf(request.propagationPolicy);
  const live = ctx.store.get(type, namespace, name);
  const options = { dryRun: request.dryRun, preconditions: request.preconditions };
  if (request.dryRun) return ctx.store.delete(type, namespace, name, options);
  if (type.kind === 'Namespace' && type.group === '') {
    for (const t of ctx.registry.all().filter((r) => r.namespaced && !r.storage && r.group !== 'metrics.k8s.io')) {
      for (const o of ctx.store.list(t, { namespace: name }).items) {
        if (ctx.store.find(t, name, o.metadata.name)) ctx.store.delete(t, name, o.metadata.name);
      }
    }
  }
  const deleted = ctx.store.delete(type, namespace, name, options);
  const uid = live.metadata.uid;
  for (const { type: depType, object } of uid ? dependentsOf(ctx, uid) : []) {
    if (policy === 'Orphan') {
      const orphan = structuredClone(object);
      orphan.metadata.ownerReferences = object.metadata.ownerReferences?.filter((o) => o.uid !== uid);
      if (orphan.metadata.ownerReferences?.length === 0) delete orphan.metadata.ownerReferences;
      delete orphan.metadata.resourceVersion;
      ctx.store.update(depType, orphan);
    } else if (ctx.store.find(depType, object.metadata.namespace, object.metadata.name)) {
      deleteObject(ctx, depType, object.metadata.namespace, object.metadata.name, {
        dryRun: false,
        propagationPolicy: policy,
      });
    }
  }
  if (type.kind === 'CustomResourceDefinition' && type.group === 'apiextensions.k8s.io') {
    deleteCustomObjects(ctx, live);
    syncCrds(ctx);
  }
  return deleted;
}

/** Deletes every stored object of a CRD's kind, as the API server does when the CRD goes. */
function deleteCustomObjects(ctx: WriteContext, crd: KubeObject): void {
  const spec = (crd.spec ?? {}) as { group?: string; names?: { plural?: string } };
  const served = ctx.registry.all().find((t) => t.group === spec.group && t.plural === spec.names?.plural);
  if (!served) return;
  for (const o of ctx.store.list(served).items) ctx.store.delete(served, o.metadata.namespace, o.metadata.name);
}

/**
 * What a DELETE answers: the object while it still exists (finalizers) or for the kinds a real server returns it
 * for, otherwise a Success Status naming it.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export function deleteResponse(type: ResourceType, deleted: KubeObject, stillThere: boolean): unknown {
  if (stillThere || (RETURNS_OBJECT.has(type.kind) && type.group === '') || type.kind === 'StorageClass') {
    return deleted;
  }
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: deleted.metadata.name,
      ...(type.group ? { group: type.group } : {}),
      kind: type.plural,
      uid: deleted.metadata.uid,
    },
  };
}

/**
 * Checks `dryRun` values as the real server does: only `All` is known.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export function parseDryRun(values: string[]): boolean {
  for (const value of values) {
    if (value !== 'All') {
      throw badRequest(`Invalid dryRun value: "${value}": supported values: "All"`);
    }
  }
  return values.length > 0;
}
