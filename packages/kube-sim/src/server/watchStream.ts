import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf, type ResourceType, sameStorage } from '../api/resourceTypes.js';
import { badRequest, StatusError } from '../api/statusError.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore, StoreEvent } from '../store/objectStore.js';
import { parseFieldSelector, parseLabelSelector } from '../store/selectors.js';

/**
 * Options of a watch request.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
export interface WatchOptions {
  namespace?: string;
  /** Watch one object (a watch on an object's own URL). */
  name?: string;
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks?: boolean;
  /** Streaming list (`sendInitialEvents=true`): initial ADDED events end with a bookmark marking their end. */
  sendInitialEvents?: boolean;
  /** How often bookmarks are sent when allowed (default 1 s). */
  bookmarkIntervalMs?: number;
  /** Turns an object (already in the requested version) into what is sent: the object, a one-row Table, … */
  render(object: KubeObject): unknown;
}

/** Longest a watch stays open without `timeoutSeconds`, as a real server's default request timeout. */
const DEFAULT_TIMEOUT_S = 1800;

/**
 * Streams a watch: headers flushed at once, then one JSON line per event. Replays events newer than
 * `resourceVersion` (an `ERROR` event with a 410 Expired Status when it is too old), starts with ADDED events for
 * existing objects when no version (or `0`) is given, turns changes that enter or leave the selectors into ADDED or
 * DELETED, sends BOOKMARKs when allowed, and ends after `timeoutSeconds`. Malformed parameters are a 400 before
 * the stream starts. `track` registers the stream for shutdown and returns its release function.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
export function streamWatch(
  req: IncomingMessage,
  res: ServerResponse,
  store: ObjectStore,
  type: ResourceType,
  options: WatchOptions,
  track: (close: () => void) => () => void,
): void {
  const labels = parseLabelSelector(options.labelSelector);
  const fields = parseFieldSelector(options.fieldSelector, type);
  const rv = options.resourceVersion ?? '';
  if (rv !== '' && !/^\d+$/.test(rv)) throw badRequest(`invalid resource version: "${rv}"`);
  const matches = (object: KubeObject | undefined) =>
    object !== undefined &&
    (!options.namespace || object.metadata.namespace === options.namespace) &&
    (!options.name || object.metadata.name === options.name) &&
    labels(object.metadata.labels) &&
    fields(object);

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache',
  });
  res.flushHeaders();
  const send = (eventType: string, object: unknown) => res.write(`${JSON.stringify({ type: eventType, object })}\n`);
  const relay = (event: StoreEvent) => {
    if (!sameStorage(event.resource, type)) return;
    const now = matches(event.object);
    const before = event.type === 'MODIFIED' && matches(event.previous);
    const sendAs = event.type !== 'MODIFIED' ? event.type : now && before ? 'MODIFIED' : now ? 'ADDED' : 'DELETED';
    if ((event.type === 'MODIFIED' && (now || before)) || (event.type !== 'MODIFIED' && now)) {
      send(sendAs, options.render(store.present(type, event.object)));
    }
  };
  const bookmark = (annotations?: Record<string, string>) =>
    send('BOOKMARK', {
      kind: type.kind,
      apiVersion: apiVersionOf(type),
      metadata: { resourceVersion: String(store.resourceVersion), ...(annotations ? { annotations } : {}) },
    });
  const initial = () => {
    const { labelSelector, fieldSelector, namespace, name } = options;
    const { items } = store.list(type, { namespace, labelSelector, fieldSelector });
    for (const object of items) if (!name || object.metadata.name === name) send('ADDED', options.render(object));
  };

  if (options.sendInitialEvents) {
    initial();
    bookmark({ 'k8s.io/initial-events-end': 'true' });
  } else if (rv !== '' && rv !== '0') {
    let backlog: StoreEvent[];
    try {
      backlog = store.eventsSince(Number(rv));
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      send('ERROR', error.toStatus());
      res.end();
      return;
    }
    for (const event of backlog) relay(event);
  } else initial();

  const unsubscribe = store.subscribe(relay);
  const bookmarks = options.allowWatchBookmarks
    ? setInterval(() => bookmark(), options.bookmarkIntervalMs ?? 1000)
    : undefined;
  const seconds = options.timeoutSeconds && options.timeoutSeconds > 0 ? options.timeoutSeconds : DEFAULT_TIMEOUT_S;
  const timeout = setTimeout(() => finish(), seconds * 1000);
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
  const release = track(finish);
  req.on('close', finish);
  res.on('close', finish);
}
