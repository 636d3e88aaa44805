import { Watch } from '@kubernetes/client-node';
import type { KubeObject, WatchEvent, WatchOptions } from '@opspilot/core';
import { errorContext, type GatewayContext, resolveKind, send, toKubeObject } from './gatewayContext.js';
import { type KindInfo, resourcePath } from './kindTable.js';
import { parseKubeStatus } from './kubeStatus.js';
import { mapKubeError } from './mapKubeError.js';

const EVENT_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);

/**
 * Streams changes of `kind` to `onEvent` (client-node's `Watch`) until `options.signal` aborts or the server ends
 * the watch. Without `resourceVersion` it starts from now: the current version is read first, so objects that
 * already exist are not replayed as ADDED. An `ERROR` event (e.g. `410 Expired`) rejects with the typed error.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
export async function watchObjects(
  ctx: GatewayContext,
  kind: string,
  options: WatchOptions,
  onEvent: (event: WatchEvent) => void,
): Promise<void> {
  const info = await resolveKind(ctx, kind);
  const namespace = info.namespaced ? options.namespace : undefined;
  const resourceVersion = options.resourceVersion ?? (await currentVersion(ctx, info, namespace, options));
  if (options.signal.aborted) return;
  const target = { verb: 'watch', info, namespace };
  await new Promise<void>((resolve, reject) => {
    let controller: AbortController | undefined;
    let settled = false;
    const finish = (error?: unknown, raw = false) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      controller?.abort();
      if (error && !options.signal.aborted) reject(raw ? error : mapKubeError(error, errorContext(ctx, target)));
      else resolve();
    };
    const onAbort = () => finish();
    options.signal.addEventListener('abort', onAbort, { once: true });
    new Watch(ctx.config.kubeConfig)
      .watch(
        resourcePath(info, namespace),
        { resourceVersion, labelSelector: options.labelSelector, allowWatchBookmarks: true },
        (type, object) => {
          if (settled) return;
          if (type === 'ERROR') {
            const status = parseKubeStatus(object);
            return finish({ code: status?.code ?? 500, body: JSON.stringify(object) });
          }
          if (!EVENT_TYPES.has(type)) return;
          try {
            onEvent({
              type: type as WatchEvent['type'],
              object: type === 'BOOKMARK' ? bookmark(object, info) : toKubeObject(object),
            });
          } catch (error) {
            finish(error, true);
          }
        },
        (error) => finish(error ?? undefined),
      )
      .then((c) => {
        controller = c;
        if (settled) c.abort();
      }, finish);
  });
}

async function currentVersion(
  ctx: GatewayContext,
  info: KindInfo,
  namespace: string | undefined,
  options: WatchOptions,
): Promise<string | undefined> {
  const page = (await send(
    ctx,
    {
      method: 'GET',
      path: resourcePath(info, namespace),
      query: { limit: 1, labelSelector: options.labelSelector },
      signal: options.signal,
    },
    { verb: 'list', info, namespace },
  )) as { metadata?: { resourceVersion?: string } };
  return page.metadata?.resourceVersion;
}

/** A BOOKMARK carries only `metadata.resourceVersion`: give it the kind and an empty name so it parses. */
function bookmark(object: unknown, info: KindInfo): KubeObject {
  const metadata = (object as { metadata?: Record<string, unknown> } | undefined)?.metadata ?? {};
  return toKubeObject({ ...(object as object), metadata: { name: '', ...metadata } }, info);
}
