import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';
import { badRequest, notFound, StatusError } from '../api/statusError.js';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  type JsonObject,
  serverSideApply,
} from '../patch/index.js';
import { patchStrategyFor } from '../patch/patchStrategyFor.js';
import type { KubeObject } from '../store/kubeObject.js';
import { objectBody } from './objectBody.js';
import { createObject, replaceObject, type WriteContext, type WriteRequest } from './writeOperations.js';

/**
 * The PATCH content types and what they mean.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

type Engine = (target: unknown, patch: unknown) => unknown;

/** Strategic merge patch with the patch strategy (merge keys, list types) of the built-in kind. */
function strategic(type: ResourceType): Engine {
  const schema = patchStrategyFor(apiVersionOf(type), type.kind);
  return (target, patch) =>
    (applyStrategicMergePatch as unknown as (t: unknown, p: unknown, s: unknown) => unknown)(target, patch, schema);
}

/**
 * Unwraps what a patch engine returns: the patched value, or a `Result` (`{ ok, value | error }`) whose error
 * carries the Status code, reason, message and causes to answer with.
 */
function unwrap(result: unknown): unknown {
  if (result !== null && typeof result === 'object' && 'ok' in result && typeof result.ok === 'boolean') {
    const keys = Object.keys(result);
    if (keys.every((k) => k === 'ok' || k === 'value' || k === 'error')) {
      const r = result as {
        ok: boolean;
        value?: unknown;
        error?: { code: number; reason: string; message: string; causes?: [] };
      };
      if (r.ok) return r.value;
      const e = r.error!;
      throw new StatusError(e.code, e.reason, e.message, e.causes ? { causes: e.causes } : undefined);
    }
  }
  return result;
}

/**
 * The patch type of a Content-Type, or a 415 listing the accepted ones (strategic merge only for built-ins).
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export function patchTypeOf(
  contentType: string | undefined,
  builtin: boolean,
): (typeof PATCH_TYPES)[keyof typeof PATCH_TYPES] {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const accepted: string[] = [
    PATCH_TYPES.json,
    PATCH_TYPES.merge,
    PATCH_TYPES.apply,
    ...(builtin ? [PATCH_TYPES.strategic] : []),
  ];
  if (type === 'application/apply-patch+json' || type === 'application/apply-patch+cbor') return PATCH_TYPES.apply;
  if (!accepted.includes(type)) {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    );
  }
  return type as (typeof PATCH_TYPES)[keyof typeof PATCH_TYPES];
}

/**
 * Server-side apply through the field-management engine: creates the object when it is missing; otherwise merges
 * the applied configuration into the live object, makes the manager the owner of the fields it sent (an `Apply`
 * entry with `fieldsV1`), removes fields it applied before and dropped, and refuses with the real 409 Conflict
 * (`Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas`, one
 * `FieldManagerConflict` cause per field) unless `force` takes the fields over.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/
 */
function applyPatch(
  ctx: WriteContext,
  type: ResourceType,
  patch: unknown,
  namespace: string | undefined,
  name: string,
  request: WriteRequest,
): { object: KubeObject; created: boolean } {
  if (!request.manager) throw badRequest('fieldManager: Required value: is required for apply patch');
  const applied = objectBody(type, patch, namespace, name);
  const live = ctx.store.find(type, namespace, name);
  const result = serverSideApply({
    live: live as unknown as JsonObject | undefined,
    applied: applied as unknown as JsonObject,
    manager: request.manager,
    force: request.force,
    now: ctx.now(),
    apiVersion: apiVersionOf(type),
    kind: type.kind,
    subresource: request.subresource,
  });
  if (!result.ok) {
    const causes = result.conflicts.map((c) => ({
      reason: 'FieldManagerConflict',
      message: c.message,
      field: c.field,
    }));
    throw new StatusError(result.code, result.reason, result.message, causes.length > 0 ? { causes } : undefined);
  }
  const merged = result.object as unknown as KubeObject;
  const unmanaged = { ...request, manager: undefined };
  if (!live) return { object: createObject(ctx, type, merged, namespace, unmanaged), created: true };
  merged.metadata.resourceVersion = applied.metadata.resourceVersion;
  return { object: replaceObject(ctx, type, merged, namespace, name, unmanaged), created: false };
}

/**
 * Patches an object by Content-Type: JSON patch, JSON merge patch, strategic merge patch (built-ins only, as on a
 * real server) or server-side apply (`application/apply-patch+yaml`, which creates a missing object). The result
 * goes through the same checks as a PUT; a `metadata.resourceVersion` in a merge patch is a precondition.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export function patchObject(
  ctx: WriteContext,
  type: ResourceType,
  contentType: string | undefined,
  patch: unknown,
  namespace: string | undefined,
  name: string,
  request: WriteRequest,
): { object: KubeObject; created: boolean } {
  const builtin = ctx.registry.isBuiltin(type);
  const kind = patchTypeOf(contentType, builtin);
  if (kind === PATCH_TYPES.apply) return applyPatch(ctx, type, patch, namespace, name, request);
  const live = ctx.store.find(type, namespace, name);
  if (!live) throw notFound(type.plural, name, type.group);
  let patched: unknown;
  if (kind === PATCH_TYPES.json) patched = unwrap((applyJsonPatch as unknown as Engine)(live, patch));
  else {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
      throw badRequest(
        `error decoding patch: json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`,
      );
    }
    const engine = kind === PATCH_TYPES.merge ? (applyMergePatch as unknown as Engine) : strategic(type);
    patched = unwrap(engine(live, patch));
  }
  if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) {
    throw badRequest('the patched object is not a Kubernetes object');
  }
  const obj = patched as KubeObject;
  obj.apiVersion ??= apiVersionOf(type);
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = { name };
  if (kind !== PATCH_TYPES.json) {
    const precondition = (patch as { metadata?: { resourceVersion?: unknown } }).metadata?.resourceVersion;
    obj.metadata.resourceVersion = typeof precondition === 'string' ? precondition : undefined;
  } else if (obj.metadata.resourceVersion === live.metadata.resourceVersion) delete obj.metadata.resourceVersion;
  return { object: replaceObject(ctx, type, obj, namespace, name, request), created: false };
}
