import { apiVersionOf } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ApiContext, ResourceCall } from './apiContext.js';
import { deleteObject, parseDeleteOptions, propagationOf } from './deleteOperations.js';
import { decodeBody, readBody, sendJson, setWarnings } from './httpIo.js';
import { responseFormat } from './negotiation.js';
import { ListQuery, parseQuery, WriteQuery } from './queryParams.js';
import { renderList, renderObject } from './render.js';
import { streamWatch } from './watchStream.js';
import { createObject } from './writeOperations.js';

/**
 * The manager a write is recorded under: `fieldManager`, else the client's user agent up to the first `/`.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export function managerOf(call: ResourceCall, fieldManager: string | undefined): string | undefined {
  if (fieldManager) return fieldManager;
  const agent = call.req.headers['user-agent'];
  return agent ? agent.split('/')[0] : undefined;
}

/**
 * `GET` on a collection: a list (paged, filtered, as objects, a Table or metadata only) or, with `watch`, a watch
 * stream; also a watch on one object's URL.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
export function listOrWatch(ctx: ApiContext, call: ResourceCall): void {
  const { type, namespace, name } = call.target;
  const q = parseQuery(ListQuery, call.url.searchParams);
  const format = responseFormat(call.req.headers.accept, q.includeObject ?? null);
  if (q.watch) {
    streamWatch(
      call.req,
      call.res,
      ctx.store,
      type,
      {
        namespace,
        name,
        labelSelector: q.labelSelector,
        fieldSelector: q.fieldSelector,
        resourceVersion: q.resourceVersion,
        timeoutSeconds: q.timeoutSeconds,
        allowWatchBookmarks: q.allowWatchBookmarks,
        sendInitialEvents: q.sendInitialEvents,
        bookmarkIntervalMs: ctx.limits.bookmarkIntervalMs,
        render: (o) => renderObject(type, o, format, ctx.now()),
      },
      (close) => ctx.track(close),
    );
    return;
  }
  const page = ctx.store.list(type, {
    namespace,
    labelSelector: q.labelSelector,
    fieldSelector: q.fieldSelector,
    limit: q.limit,
    continue: q.continue,
  });
  const meta = {
    resourceVersion: page.resourceVersion,
    ...(page.continue ? { continue: page.continue, remainingItemCount: page.remainingItemCount } : {}),
  };
  sendJson(call.res, 200, renderList(type, page.items, meta, format, ctx.now()), 'application/json', format.yaml);
}

/**
 * `POST` on a collection: creates an object (201), computing it only under `dryRun=All`.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export async function createFromRequest(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const format = responseFormat(call.req.headers.accept, null);
  const body = decodeBody(call.req.headers['content-type'], await readBody(call.req));
  const warnings: string[] = [];
  const created = createObject(ctx.write, call.target.type, body, call.target.namespace, {
    dryRun: q.dryRun.length > 0,
    manager: managerOf(call, q.fieldManager),
    fieldValidation: q.fieldValidation ?? 'Warn',
    warnings,
  });
  setWarnings(call.res, warnings);
  sendJson(call.res, 201, renderObject(call.target.type, created, format, ctx.now()), 'application/json', format.yaml);
}

/**
 * `DELETE` on a collection: deletes every object the label and field selectors match (garbage collecting their
 * dependents) and answers with the list of them.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-parameters/common-parameters/
 */
export async function deleteCollection(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, namespace } = call.target;
  const q = parseQuery(WriteQuery, call.url.searchParams);
  const options = parseDeleteOptions(await readBody(call.req));
  const dryRun = q.dryRun.length > 0 || (options.dryRun ?? []).includes('All');
  const policy = propagationOf(
    q.propagationPolicy ?? options.propagationPolicy,
    q.orphanDependents ?? options.orphanDependents,
  );
  const { items } = ctx.store.list(type, { namespace, labelSelector: q.labelSelector, fieldSelector: q.fieldSelector });
  const deleted: KubeObject[] = [];
  for (const o of items) {
    if (!ctx.store.find(type, o.metadata.namespace, o.metadata.name)) continue;
    deleted.push(
      deleteObject(ctx.write, type, o.metadata.namespace, o.metadata.name, { dryRun, propagationPolicy: policy }),
    );
  }
  const list = {
    kind: `${type.kind}List`,
    apiVersion: apiVersionOf(type),
    metadata: { resourceVersion: String(ctx.store.resourceVersion) },
    items: deleted,
  };
  sendJson(call.res, 200, list);
}
