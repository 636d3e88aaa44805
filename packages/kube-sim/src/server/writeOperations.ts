import { applyDefaults } from '../api/applyDefaults.js';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';
import { badRequest, notFound, StatusError } from '../api/statusError.js';
import { validateObject } from '../api/validateObject.js';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../patch/index.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';

/** Shared state the write paths need. */
export interface WriteContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  allocateClusterIp(): string;
  now(): Date;
}

const NS_TYPE = { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace' };

function checkBody(type: ResourceType, body: unknown, namespace: string | undefined, name?: string): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('the request body must be a Kubernetes object');
  const obj = body as KubeObject;
  obj.metadata ??= { name: '' };
  if (obj.kind && obj.kind !== type.kind) {
    throw badRequest(
      `the API version in the data (${obj.apiVersion}) and kind (${obj.kind}) do not match the request path (${apiVersionOf(type)}, ${type.kind})`,
    );
  }
  if (obj.apiVersion && obj.apiVersion !== apiVersionOf(type)) {
    throw badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
  obj.apiVersion = apiVersionOf(type);
  obj.kind = type.kind;
  if (type.namespaced) {
    if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = namespace ?? obj.metadata.namespace ?? 'default';
  } else delete obj.metadata.namespace;
  if (name !== undefined && obj.metadata.name && obj.metadata.name !== name) {
    throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
  }
  if (name !== undefined) obj.metadata.name = name;
  return obj;
}

/** Creates an object the way the API server does: checks, namespace existence, defaults, then storage. */
export function createObject(
  ctx: WriteContext,
  type: ResourceType,
  body: unknown,
  namespace: string | undefined,
  dryRun: boolean,
): KubeObject {
  const obj = checkBody(type, body, namespace);
  const generated = !obj.metadata.name && Boolean(obj.metadata.generateName);
  validateObject(
    type,
    generated ? { ...obj, metadata: { ...obj.metadata, name: `${obj.metadata.generateName}x` } } : obj,
  );
  if (type.namespaced) {
    const nsType = ctx.registry.find('', 'v1', 'namespaces')!;
    const ns = ctx.store.find(nsType, undefined, obj.metadata.namespace!);
    if (!ns) throw notFound(NS_TYPE.plural, obj.metadata.namespace!, '', NS_TYPE.kind);
    if (ns.metadata.deletionTimestamp) {
      throw new StatusError(
        403,
        'Forbidden',
        `${type.plural} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns.metadata.name} because it is being terminated`,
      );
    }
  }
  applyDefaults(obj, ctx.allocateClusterIp);
  const created = ctx.store.create(type, obj, { dryRun });
  if (type.kind === 'CustomResourceDefinition' && !dryRun) syncCrds(ctx);
  return created;
}

/** Replaces an object (PUT), keeping what the server owns. */
export function replaceObject(
  ctx: WriteContext,
  type: ResourceType,
  body: unknown,
  namespace: string | undefined,
  name: string,
  dryRun: boolean,
  subresource?: 'status',
): KubeObject {
  const obj = checkBody(type, body, namespace, name);
  validateObject(type, obj);
  const updated = ctx.store.update(type, obj, { dryRun, subresource });
  if (type.kind === 'CustomResourceDefinition' && !dryRun) syncCrds(ctx);
  return updated;
}

/**
 * Patches an object by content type: JSON merge, JSON patch, strategic merge, or server-side apply
 * (`application/apply-patch+yaml`, which creates the object when it is missing).
 */
export function patchObject(
  ctx: WriteContext,
  type: ResourceType,
  contentType: string,
  patch: unknown,
  namespace: string | undefined,
  name: string,
  options: { dryRun: boolean; fieldManager?: string; subresource?: 'status' },
): { object: KubeObject; created: boolean } {
  const kind = contentType.split(';')[0]!.trim();
  const live = ctx.store.find(type, namespace, name);
  if (kind === 'application/apply-patch+yaml' || kind === 'application/apply-patch+json') {
    if (!options.fieldManager) throw badRequest('PATCH request with apply content type requires a fieldManager');
    const applied = checkBody(type, patch, namespace, name);
    const entry = {
      manager: options.fieldManager,
      operation: 'Apply',
      apiVersion: apiVersionOf(type),
      time: ctx
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      fieldsType: 'FieldsV1',
      fieldsV1: {},
    };
    if (!live) {
      applied.metadata.managedFields = [entry];
      return { object: createObject(ctx, type, applied, namespace, options.dryRun), created: true };
    }
    const merged = (
      ctx.registry.isBuiltin(type) ? applyStrategicMergePatch(live, applied, true) : applyMergePatch(live, applied)
    ) as KubeObject;
    const others = ((live.metadata.managedFields as { manager: string; operation: string }[] | undefined) ?? []).filter(
      (m) => !(m.manager === options.fieldManager && m.operation === 'Apply'),
    );
    merged.metadata.managedFields = [...others, entry];
    merged.metadata.resourceVersion = applied.metadata.resourceVersion;
    return {
      object: replaceObject(ctx, type, merged, namespace, name, options.dryRun, options.subresource),
      created: false,
    };
  }
  if (!live) throw notFound(type.plural, name, type.group, type.kind);
  let next: unknown;
  if (kind === 'application/merge-patch+json') next = applyMergePatch(live, patch);
  else if (kind === 'application/json-patch+json') next = applyJsonPatch(live, patch);
  else if (kind === 'application/strategic-merge-patch+json')
    next = applyStrategicMergePatch(live, patch, ctx.registry.isBuiltin(type));
  else
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    );
  const obj = next as KubeObject;
  // A patch carries a resourceVersion only as an explicit precondition.
  const patchRv = (patch as { metadata?: { resourceVersion?: string } })?.metadata?.resourceVersion;
  obj.metadata.resourceVersion = kind === 'application/json-patch+json' ? obj.metadata.resourceVersion : patchRv;
  if (kind === 'application/json-patch+json' && obj.metadata.resourceVersion === live.metadata.resourceVersion)
    delete obj.metadata.resourceVersion;
  return {
    object: replaceObject(ctx, type, obj, namespace, name, options.dryRun, options.subresource),
    created: false,
  };
}

/** Rebuilds the served custom resource types after a CRD changed. */
export function syncCrds(ctx: WriteContext): void {
  const crdType = ctx.registry.find('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!;
  ctx.registry.syncCustomResources(ctx.store.list(crdType).items);
}
