import type { KubeObject, ListOptions } from '@opspilot/core';
import { type GatewayContext, send, toKubeObject } from './gatewayContext.js';
import { type KindInfo, resourcePath } from './kindTable.js';

/** Objects asked for per page: large enough for few round trips, small enough to keep each answer modest. */
export const LIST_PAGE_SIZE = 500;

interface ListPage {
  metadata?: { continue?: string; resourceVersion?: string };
  items?: unknown[];
}

/**
 * Lists every object of `info` (in `options.namespace`, or in all namespaces when missing), following
 * `limit`/`continue` pages to the end.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
 */
export async function listObjects(
  ctx: GatewayContext,
  info: KindInfo,
  options: ListOptions & { pageSize?: number } = {},
): Promise<KubeObject[]> {
  const namespace = info.namespaced ? options.namespace : undefined;
  const objects: KubeObject[] = [];
  let token: string | undefined;
  do {
    const page = (await send(
      ctx,
      {
        method: 'GET',
        path: resourcePath(info, namespace),
        query: {
          labelSelector: options.labelSelector,
          fieldSelector: options.fieldSelector,
          limit: options.pageSize ?? LIST_PAGE_SIZE,
          continue: token,
        },
        signal: options.signal,
      },
      { verb: 'list', info, namespace },
    )) as ListPage;
    for (const item of page.items ?? []) objects.push(toKubeObject(item, info));
    token = page.metadata?.continue || undefined;
  } while (token);
  return objects;
}
