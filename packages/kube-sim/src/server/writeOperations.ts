import { randomUUID } from 'node:crypto';
import { mutateOnCreate, validateOnCreate, validateOnUpdate } from '../admission/admitObject.js';
import { type Allocator, applyDefaults, defaultJobSelector } from '../api/applyDefaults.js';
import type { ResourceRegistry } from '../api/resourceRegistry.js';
import { apiVersionOf, hasStatusSubresource, type ResourceType } from '../api/resourceTypes.js';
import { notFound, StatusError } from '../api/statusError.js';
import { validateObject } from '../api/validateObject.js';
import { validateUpdate } from '../api/validateUpdate.js';
import { type JsonObject, recordUpdate } from '../patch/index.js';
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
  /** Server-side apply only: take over fields other managers own instead of answering 409 Conflict. */
  force?: boolean;
  /** What to do with unknown fields (default `Strict` when called in-process, `Warn` for HTTP requests). */
  fieldValidation?: FieldValidation;
  /** Collects warnings for the response's `Warning` headers. */
  warnings?: string[];
}

/**
 * Records a non-apply write in `metadata.managedFields` as the real server does (operation `Update`, `fieldsV1` of
 * the fields the write added or changed, which no other manager owns any more); see {@link recordUpdate}. Without a
 * manager the stored entries are kept as they are.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export function recordManager(
  ctx: WriteContext,
  type: ResourceType,
  before: KubeObject | undefined,
  obj: KubeObject,
  manager: string | undefined,
  subresource?: string,
): void {
  if (!manager) return;
  const { managedFields } = recordUpdate({
    before: before as unknown as JsonObject | undefined,
    after: obj as unknown as JsonObject,
    manager,
    now: ctx.now(),
    apiVersion: apiVersionOf(type),
    kind: type.kind,
    subresource,
  });
  obj.metadata.managedFields = managedFields;
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
 * a status subresource), defaults, LimitRange defaults, validation, LimitRange and ResourceQuota admission (403),
 * then storage. `dryRun` returns the result without storing it.
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
  if (builtin) mutateOnCreate(ctx, type, obj);
  validateObject(type, obj, builtin);
  validateOnCreate(ctx, type, obj, { warnings: options.warnings, dryRun });
  recordManager(ctx, type, undefined, obj, manager);
  const created = ctx.store.create(type, obj, { dryRun });
  if (type.kind === 'CustomResourceDefinition' && !dryRun) syncCrds(ctx);
  return created;
}

/**
 * Replaces an object (PUT) or its status: body checks, defaults (keeping allocated cluster IPs and node ports),
 * validation including immutable fields, ResourceQuota for what the update adds, then the store's optimistic
 * concurrency.
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
    validateOnUpdate(ctx, type, obj, live, { warnings: request.warnings, dryRun: request.dryRun });
  }
  obj.metadata.managedFields ??= live.metadata.managedFields;
  recordManager(ctx, type, live, obj, request.manager, request.subresource);
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
