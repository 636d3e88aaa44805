import type { ApiContext, ResourceCall } from './apiContext.js';
import { managerOf } from './collectionRequests.js';
import { deleteObject, deleteResponse, parseDeleteOptions, propagationOf } from './deleteOperations.js';
import { decodeBody, readBody, sendJson, setWarnings } from './httpIo.js';
import { responseFormat } from './negotiation.js';
import { patchObject, patchTypeOf } from './patchObject.js';
import { parseQuery, WriteQuery } from './queryParams.js';
import { renderObject } from './render.js';
import { replaceObject } from './writeOperations.js';

/**
 * `GET` of one object (or its status): the object, a one-row Table or its metadata.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export function getObject(ctx: ApiContext, call: ResourceCall): void {
  const { type, namespace, name } = call.target;
  const format = responseFormat(call.req.headers.accept, call.url.searchParams.get('includeObject'));
  const object = ctx.store.get(type, namespace, name!);
  sendJson(call.res, 200, renderObject(type, object, format, ctx.now()), 'application/json', format.yaml);
}

/**
 * `PUT` of an object or its status: replaces it, with optimistic concurrency on `metadata.resourceVersion`.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export async function replaceFromRequest(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace, name, subresource } = call.target;
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const format = responseFormat(call.req.headers.accept, null);
  const body = decodeBody(call.req.headers['content-type'], await readBody(call.req));
  const warnings: string[] = [];
  const updated = replaceObject(ctx.write, type, body, namespace, name!, {
    dryRun: q.dryRun.length > 0,
    manager: managerOf(call, q.fieldManager),
    subresource: subresource === 'status' ? 'status' : undefined,
    fieldValidation: q.fieldValidation ?? 'Warn',
    warnings,
  });
  setWarnings(call.res, warnings);
  sendJson(call.res, 200, renderObject(type, updated, format, ctx.now()), 'application/json', format.yaml);
}

/**
 * `PATCH` of an object or its status, by Content-Type (server-side apply creates a missing object: 201).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export async function patchFromRequest(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace, name, subresource } = call.target;
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const format = responseFormat(call.req.headers.accept, null);
  const contentType = call.req.headers['content-type'];
  patchTypeOf(contentType, ctx.registry.isBuiltin(type));
  const body = decodeBody(contentType, await readBody(call.req));
  const warnings: string[] = [];
  const { object, created } = patchObject(ctx.write, type, contentType, body, namespace, name!, {
    dryRun: q.dryRun.length > 0,
    manager: managerOf(call, q.fieldManager),
    force: q.force,
    subresource: subresource === 'status' ? 'status' : undefined,
    fieldValidation: q.fieldValidation ?? 'Warn',
    warnings,
  });
  setWarnings(call.res, warnings);
  sendJson(
    call.res,
    created ? 201 : 200,
    renderObject(type, object, format, ctx.now()),
    'application/json',
    format.yaml,
  );
}

/**
 * `DELETE` of one object, with `propagationPolicy`, preconditions and `dryRun` from the query or a DeleteOptions
 * body; answers with the object or a Success Status as a real server does.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/delete-options/
 */
export async function deleteFromRequest(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace, name } = call.target;
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const options = parseDeleteOptions(await readBody(call.req));
  const dryRun = q.dryRun.length > 0 || (options.dryRun ?? []).some((v) => v === 'All');
  const deleted = deleteObject(ctx.write, type, namespace, name!, {
    dryRun,
    propagationPolicy: propagationOf(
      q.propagationPolicy ?? options.propagationPolicy,
      q.orphanDependents ?? options.orphanDependents,
    ),
    preconditions: options.preconditions,
  });
  const stillThere = !dryRun && ctx.store.find(type, namespace, name!) !== undefined;
  sendJson(
    call.res,
    200,
    deleteResponse(type, deleted, stillThere || (dryRun && Boolean(deleted.metadata.deletionTimestamp))),
  );
}
