import { badRequest, StatusError } from '../api/statusError.js';
import type { ApiContext, ResourceCall } from './apiContext.js';
import { createFromRequest, deleteCollection, listOrWatch } from './collectionRequests.js';
import { metricsRequest } from './metricsRequests.js';
import { deleteFromRequest, getObject, patchFromRequest, replaceFromRequest } from './objectRequests.js';
import { podLogs } from './podLogs.js';
import { bindPod, evictPod } from './podSubresources.js';
import { scaleRequest } from './scaleSubresource.js';

const notAllowed = () =>
  new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

const VERB_OF: Record<string, string> = { PUT: 'update', PATCH: 'patch', DELETE: 'delete', POST: 'create' };

/**
 * Dispatches a request for a resource by method and subresource: list/watch/create/deletecollection on
 * collections; get/update/patch/delete on objects and their `status`; the `scale`, `log`, `binding` and
 * `eviction` subresources; metrics. Verbs a resource does not serve are a 405.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#api-verbs
 */
export async function handleResourceRequest(ctx: ApiContext, call: ResourceCall): Promise<void> {
  const { type, name, subresource } = call.target;
  const { method } = call;
  if (type.group === 'metrics.k8s.io') return metricsRequest(ctx, call);
  if (subresource !== undefined) {
    if (!name || !(type.subresources ?? []).includes(subresource)) {
      throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    }
    if (subresource === 'log') {
      if (method !== 'GET') throw notAllowed();
      return podLogs(ctx, call);
    }
    if (subresource === 'scale') return scaleRequest(ctx, call);
    // exec, attach and port-forward are served on upgraded connections only (src/streaming).
    if (['exec', 'attach', 'portforward'].includes(subresource)) throw badRequest('Upgrade request required');
    if (subresource === 'binding' || subresource === 'eviction') {
      if (method !== 'POST') throw notAllowed();
      return subresource === 'binding' ? bindPod(ctx, call) : evictPod(ctx, call);
    }
  }
  const watch = ['1', 'true'].includes(call.url.searchParams.get('watch') ?? '');
  const verb =
    method === 'GET'
      ? watch
        ? 'watch'
        : name
          ? 'get'
          : 'list'
      : method === 'DELETE' && !name
        ? 'deletecollection'
        : VERB_OF[method];
  if (!verb || (!type.verbs.includes(verb) && subresource === undefined)) throw notAllowed();
  if (!name) {
    if (method === 'GET') return listOrWatch(ctx, call);
    if (method === 'POST') return createFromRequest(ctx, call);
    if (method === 'DELETE') return deleteCollection(ctx, call);
    throw notAllowed();
  }
  if (method === 'GET') return watch ? listOrWatch(ctx, call) : getObject(ctx, call);
  if (method === 'PUT') return replaceFromRequest(ctx, call);
  if (method === 'PATCH') return patchFromRequest(ctx, call);
  if (method === 'DELETE' && subresource === undefined) return deleteFromRequest(ctx, call);
  throw notAllowed();
}
