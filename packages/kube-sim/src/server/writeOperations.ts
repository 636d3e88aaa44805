import { randomUUID } from 'node:crypto';
import { type Allocator, applyDefaults, defaultJobSelector } from '../api/applyDefaults.js';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { apiVersionOf, hasStatusSubresource, type ResourceType } from '../api/resourceTypes.js';
import { notFound, StatusError } from '../api/statusError.js';
import { validateObject } from '../api/validateObject.js';
import { validateUpdate } from '../api/validateUpdate.js';
import type { KubeObject } from '../store/kubeObject.js';
import { formatTimestamp, type ObjectStore } from '../store/objectStore.js';
import { enforceSchema, type FieldValidation } from './fieldValidation.js';
import { objectBody } from './objectBody.js';

/**
 * Shared state the write paths need.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export interface WriteContext {
  store: ObjectStore;
  registry: ResourceRegistry;
  /** Hands out cluster IPs and node ports for services. */
  allocate: Allocator;
  now(): Date;
}

/**
 * Options of one write request.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export interface WriteRequest {
  dryRun: boolean;
  /** Who writes (the `fieldManager` parameter, else the client's user agent), recorded in `managedFields`. */
  manager?: string;
  subresource?: 'status';
  /** What to do with unknown fields (default `Strict` when called in-process, `Warn` for HTTP requests). */
  fieldValidation?: FieldValidation;
  /** Collects warnings for the response's `Warning` headers. */
  warnings?: string[];
}

interface ManagedField {
  manager: string;
  operation: string;
  apiVersion: string;
  time: string;
  fieldsType: string;
  fieldsV1: object;
  subresource?: string;
}

/**
 * Records a write in `metadata.managedFields` as the real server does: one entry per manager, operation and
 * subresource, with the time of its last write. (Field sets are not computed: `fieldsV1` stays empty.)
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export function recordManager(
  ctx: WriteContext,
  type: ResourceType,
  obj: KubeObject,
  manager: string | undefined,
  operation: 'Update' | 'Apply',
  subresource?: string,
): void {
  if (!manager) return;
  const entries = ((obj.metadata.managedFields ?? []) as ManagedField[]).filter(
    (m) => !(m.manager === manager && m.operation === operation && m.subresource === subresource),
  );
  entries.push({
    manager,
    operation,
    apiVersion: apiVersionOf(type),
    time: formatTimestamp(ctx.now()),
    fieldsType: 'FieldsV1',
    fieldsV1: {},
    ...(subresource ? { subresource } : {}),
  });
  obj.metadata.managedFields = entries;
}

function checkNamespace(ctx: WriteContext, type: ResourceType, obj: KubeObject): void {
  if (!type.namespaced) return;
  const nsType = ctx.registry.find('', 'v1', 'namespaces')!;
  const ns = ctx.store.find(nsType, undefined, obj.metadata.namespace!);
  if (!ns) throw notFound('namespaces', obj.metadata.namespace!);
  if (ns.metadata.deletionTimestamp) {
    throw new StatusError(
      403,
      'Forbidden',
      `${type.plural} "${obj.metadata.name || obj.metadata.generateName}" is forbidden: unable to create new content in namespace ${ns.metadata.name} because it is being terminated`,
    );
  }
}

/**
 * Creates an object the way the API server does: body checks, namespace existence, status reset (for kinds with
 * a status subresource), defaults, validation, then storage. `dryRun` returns the result without storing it.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export function createObject(
  ctx: WriteContext,
  type: ResourceType,
  body: unknown,
  namespace: string | undefined,
  request: WriteRequest | boolean,
): KubeObject {
  const options: WriteRequest = typeof request === 'boolean' ? { dryRun: request } : request;
  const { dryRun, manager } = options;
  const obj = objectBody(type, body, namespace);
  enforceSchema(ctx.registry, type, obj, options.fieldValidation ?? 'Strict', options.warnings ?? []);
  const builtin = ctx.registry.isBuiltin(type);
  checkNamespace(ctx, type, obj);
  if (hasStatusSubresource(type)) delete obj.status;
  obj.metadata.uid = randomUUID();
  obj.metadata.creationTimestamp = formatTimestamp(ctx.now());
  if (builtin) applyDefaults(obj, ctx.allocate);
  if (builtin && type.kind === 'Job') defaultJobSelector(obj);
  validateObject(type, obj, builtin);
  recordManager(ctx, type, obj, manager, 'Update');
  const created = ctx.store.create(type, obj, { dryRun });
  if (type.kind === 'CustomResourceDefinition' && !dryRun) syncCrds(ctx);
  return created;
}

/**
 * Replaces an object (PUT) or its status: body checks, defaults (keeping allocated cluster IPs and node ports),
 * validation including immutable fields, then the store's optimistic concurrency.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export function replaceObject(
  ctx: WriteContext,
  type: ResourceType,
  body: unknown,
  namespace: string | undefined,
  name: string,
  request: WriteRequest,
): KubeObject {
  const obj = objectBody(type, body, namespace, name);
  enforceSchema(ctx.registry, type, obj, request.fieldValidation ?? 'Strict', request.warnings ?? []);
  const live = ctx.store.get(type, namespace, name);
  const builtin = ctx.registry.isBuiltin(type);
  if (request.subresource !== 'status') {
    if (builtin) applyDefaults(obj, ctx.allocate, live);
    validateObject(type, obj, builtin);
    if (builtin) validateUpdate(type, obj, live);
  }
  obj.metadata.managedFields ??= live.metadata.managedFields;
  recordManager(ctx, type, obj, request.manager, 'Update', request.subresource);
  const updated = ctx.store.update(type, obj, { dryRun: request.dryRun, subresource: request.subresource });
  if (type.kind === 'CustomResourceDefinition' && !request.dryRun) syncCrds(ctx);
  return updated;
}

/**
 * Rebuilds the served custom resource types after a CRD changed.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/
 */
export function syncCrds(ctx: WriteContext): void {
  const crdType = ctx.registry.find('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!;
  ctx.registry.syncCustomResources(ctx.store.list(crdType).items);
}
