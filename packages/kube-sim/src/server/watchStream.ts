import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceType } from '../api/resourceTypes.js';
import { StatusError } from '../api/statusError.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore, StoreEvent } from '../store/objectStore.js';
import { parseFieldSelector, parseLabelSelector } from '../store/selectors.js';

/** Options of a watch request. */
export interface WatchOptions {
  namespace?: string;
  name?: string;
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks?: boolean;
  /** Streaming list (`sendInitialEvents=true`): initial ADDED events end with a bookmark marking their end. */
  sendInitialEvents?: boolean;
  /** Turns an object into what is sent (the object, or a one-row Table). */
  render(object: KubeObject): unknown;
}

const BOOKMARK_MS = 1000;

/**
 * Streams a watch: headers flushed at once, then one JSON line per event. Replays events newer than
 * `resourceVersion` (an `ERROR` event with a 410 when it is too old), starts with ADDED events for existing objects
 * when no version is given, sends BOOKMARKs when asked, and ends after `timeoutSeconds`.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
export function streamWatch(
  req: IncomingMessage,
  res: ServerResponse,
  store: ObjectStore,
  type: ResourceType,
  options: WatchOptions,
  onClose: (close: () => void) => () => void,
): void {
  const labels = parseLabelSelector(options.labelSelector);
  const fields = parseFieldSelector(options.fieldSelector);
  const matches = (event: { resource: ResourceType; object: KubeObject }) =>
    event.resource.group === type.group &&
    event.resource.plural === type.plural &&
    (!options.namespace || event.object.metadata.namespace === options.namespace) &&
    (!options.name || event.object.metadata.name === options.name) &&
    labels(event.object.metadata.labels) &&
    fields(event.object);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache',
  });
  res.flushHeaders();
  const send = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
  const present = (event: StoreEvent) => {
    const obj = structuredClone(event.object);
    obj.apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
    obj.kind = type.kind;
    return options.render(obj);
  };

  const rv = options.resourceVersion;
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  const bookmark = (annotations?: Record<string, string>) =>
    send('BOOKMARK', {
      kind: type.kind,
      apiVersion,
      metadata: { resourceVersion: String(store.resourceVersion), ...(annotations ? { annotations } : {}) },
    });
  if (options.sendInitialEvents) {
    const { items } = store.list(type, {
      namespace: options.namespace,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
    });
    for (const object of items)
      if (!options.name || object.metadata.name === options.name) send('ADDED', options.render(object));
    bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else if (rv && rv !== '0') {
    let backlog: StoreEvent[];
    try {
      backlog = store.eventsSince(Number(rv));
    } catch (error) {
      if (error instanceof StatusError) {
        send('ERROR', error.toStatus());
        res.end();
        return;
      }
      throw error;
    }
    for (const event of backlog) if (matches(event)) send(event.type, present(event));
  } else {
    const { items } = store.list(type, {
      namespace: options.namespace,
      labelSelector: options.labelSelector,
      fieldSelector: options.fieldSelector,
    });
    for (const object of items)
      if (!options.name || object.metadata.name === options.name) send('ADDED', options.render(object));
  }

  const unsubscribe = store.subscribe((event) => {
    if (matches(event)) send(event.type, present(event));
  });
  const bookmarks = options.allowWatchBookmarks
    ? setInterval(
        () =>
          send('BOOKMARK', {
            kind: type.kind,
            apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
            metadata: { resourceVersion: String(store.resourceVersion) },
          }),
        BOOKMARK_MS,
      )
    : undefined;
  const timeout = setTimeout(
    () => finish(),
    (options.timeoutSeconds && options.timeoutSeconds > 0 ? options.timeoutSeconds : 1800) * 1000,
  );
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    clearTimeout(timeout);
    if (bookmarks) clearInterval(bookmarks);
    release();
    res.end();
  };
  const release = onClose(finish);
  req.on('close', finish);
}
