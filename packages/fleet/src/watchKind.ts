import { type Clock, type ClusterGateway, ConflictError, type KubeObject, NotFoundError } from '@opspilot/core';
import { type BackoffOptions, backoffDelay } from './backoffDelay.js';
import type { KindStore, ModelChange } from './kindStore.js';

/** Options of {@link watchKind}. */
export interface WatchKindOptions {
  gateway: ClusterGateway;
  store: KindStore;
  clock: Clock;
  /** Ends the watch loop. */
  signal: AbortSignal;
  backoff?: BackoffOptions;
  /** Each change applied to the store (never twice for the same object version). */
  onChange(change: ModelChange): void;
  /** The store holds a complete list (after the first list and every re-list). */
  onSynced(kind: string): void;
  /** A list or watch failed; the loop retries after a back-off. */
  onError(kind: string, error: unknown): void;
  /** The cluster does not serve this kind (e.g. no CRD API): the loop ends. */
  onUnavailable?(kind: string): void;
}

/**
 * The newest resourceVersion among `objects`. Kubernetes versions are etcd revisions: decimal integers that grow
 * with every write, so the largest one is where a watch can resume without missing a change to a listed object.
 */
export function newestVersion(objects: KubeObject[]): string | undefined {
  let newest: bigint | undefined;
  for (const object of objects) {
    const version = object.metadata.resourceVersion;
    if (!version || !/^\d+$/.test(version)) continue;
    const value = BigInt(version);
    if (newest === undefined || value > newest) newest = value;
  }
  return newest?.toString();
}

/**
 * Keeps one kind of one cluster in `store`, the way an informer does: list, then watch from the list's version;
 * when a watch ends it resumes from the last version seen (events and BOOKMARKs), a `410 Gone` (a
 * `ConflictError` on a watch) re-lists, and any other failure waits an exponential back-off before trying again.
 * Resolves when `signal` aborts.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
 */
export async function watchKind(kind: string, options: WatchKindOptions): Promise<void> {
  const { gateway, store, clock, signal } = options;
  let version: string | undefined;
  let listed = false;
  let fromList = false;
  let watchFromNow = false;
  let attempt = 0;
  while (!signal.aborted) {
    try {
      if (!listed) {
        const objects = await gateway.list(kind, { signal });
        if (signal.aborted) return;
        for (const change of store.replace(objects)) options.onChange(change);
        version = watchFromNow ? undefined : newestVersion(objects);
        listed = true;
        fromList = true;
        watchFromNow = false;
        options.onSynced(kind);
      }
      await gateway.watch(kind, { resourceVersion: version, signal }, (event) => {
        version = event.object.metadata.resourceVersion || version;
        fromList = false;
        attempt = 0;
        const change = store.apply(event);
        if (change) options.onChange(change);
      });
      attempt = 0;
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof NotFoundError && !listed) {
        options.onUnavailable?.(kind);
        return;
      }
      if (error instanceof ConflictError) {
        // Too old to resume: list again. When even a fresh list's newest object is too old (nothing changed for
        // longer than the server keeps history), watch from the server's current version instead.
        watchFromNow = fromList;
        listed = false;
        continue;
      }
      options.onError(kind, error);
      await clock.sleep(backoffDelay(attempt, options.backoff), signal).catch(() => undefined);
      attempt += 1;
    }
  }
}
