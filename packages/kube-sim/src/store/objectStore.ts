import { randomUUID } from 'node:crypto';
import { apiVersionOf, type ResourceType } from '../api/resourceTypes.js';
import { alreadyExists, conflict, notFound, StatusError } from '../api/statusError.js';
import type { KubeObject } from './kubeObject.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';

/** A change to a stored object, as watches and controllers see it. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  resource: ResourceType;
  object: KubeObject;
  resourceVersion: number;
}

/** Options of {@link ObjectStore.list}. */
export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

/** Options of writes. */
export interface WriteOptions {
  dryRun?: boolean;
  /** `status` writes keep the spec; main-object writes keep the status. */
  subresource?: 'status';
}

const HISTORY = 5000;
const clone = <T>(v: T): T => structuredClone(v);

function keyOf(resource: ResourceType, namespace: string | undefined, name: string): string {
  return `${resource.group}/${resource.plural}/${namespace ?? ''}/${name}`;
}

function specOf(obj: KubeObject): string {
  const { apiVersion: _a, kind: _k, metadata: _m, status: _s, ...rest } = obj;
  return JSON.stringify(rest);
}

/**
 * The simulated cluster's storage: one global, increasing resourceVersion, uids, generations, optimistic concurrency,
 * finalizers and a bounded event history for watch replay. Controllers subscribe in-process with {@link subscribe}.
 */
export class ObjectStore {
  private revision = 0;
  private readonly objects = new Map<string, KubeObject>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The latest resourceVersion handed out. */
  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestResourceVersion(): number {
    return this.history[0]?.resourceVersion ?? this.revision;
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const found = this.objects.get(keyOf(resource, namespace, name));
    if (!found) throw notFound(resource.plural, name, resource.group, resource.kind);
    return this.present(resource, found);
  }

  find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.objects.get(keyOf(resource, namespace, name));
    return found ? this.present(resource, found) : undefined;
  }

  /** Lists objects, newest keys in name order, with selectors and `limit`/`continue` paging. */
  list(
    resource: ResourceType,
    options: ListOptions = {},
  ): { items: KubeObject[]; resourceVersion: string; continue?: string; remaining?: number } {
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector);
    const prefix = `${resource.group}/${resource.plural}/${options.namespace ?? ''}`;
    const all = [...this.objects.entries()]
      .filter(([key]) => (options.namespace ? key.startsWith(`${prefix}/`) : key.startsWith(prefix)))
      .map(([key, obj]) => [key, obj] as const)
      .filter(([, obj]) => labels(obj.metadata.labels) && fields(obj))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let start = 0;
    if (options.continue) {
      const after = Buffer.from(options.continue, 'base64url').toString('utf8');
      start = all.findIndex(([key]) => key > after);
      if (start < 0) start = all.length;
    }
    const limit = options.limit && options.limit > 0 ? options.limit : all.length;
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    const last = page[page.length - 1];
    return {
      items: page.map(([, obj]) => this.present(resource, obj)),
      resourceVersion: String(this.revision),
      ...(more && last
        ? { continue: Buffer.from(last[0]).toString('base64url'), remaining: all.length - start - limit }
        : {}),
    };
  }

  /** Creates an object, assigning uid, resourceVersion, generation and creationTimestamp. */
  create(resource: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
    const obj = clone(input);
    const meta = obj.metadata;
    if (!meta.name && meta.generateName)
      meta.name = `${meta.generateName}${randomUUID().replace(/-/g, '').slice(0, 5)}`;
    const key = keyOf(resource, meta.namespace, meta.name);
    if (this.objects.has(key)) throw alreadyExists(resource.plural, meta.name, resource.group);
    meta.uid = randomUUID();
    meta.creationTimestamp = this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    if (options.dryRun)
      return this.present(resource, { ...obj, metadata: { ...meta, resourceVersion: String(this.revision) } });
    meta.resourceVersion = String(++this.revision);
    this.objects.set(key, obj);
    this.emit('ADDED', resource, obj);
    return this.present(resource, obj);
  }

  /**
   * Replaces an object. A stale `metadata.resourceVersion` is a 409 Conflict; `generation` rises only when
   * the spec changed; main writes keep the status and status writes keep everything else.
   */
  update(resource: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
    const meta = input.metadata;
    const key = keyOf(resource, meta.namespace, meta.name);
    const current = this.objects.get(key);
    if (!current) throw notFound(resource.plural, meta.name, resource.group, resource.kind);
    if (meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion) {
      throw conflict(resource.plural, meta.name, resource.group);
    }
    const next = clone(input);
    if (options.subresource === 'status') {
      const { status } = next;
      Object.assign(next, clone(current));
      next.status = status;
    } else if (current.status !== undefined) {
      next.status = clone(current.status);
    }
    next.metadata.uid = current.metadata.uid;
    next.metadata.creationTimestamp = current.metadata.creationTimestamp;
    next.metadata.generation = (current.metadata.generation ?? 1) + (specOf(next) !== specOf(current) ? 1 : 0);
    if (current.metadata.deletionTimestamp) next.metadata.deletionTimestamp = current.metadata.deletionTimestamp;
    if (options.dryRun)
      return this.present(resource, {
        ...next,
        metadata: { ...next.metadata, resourceVersion: current.metadata.resourceVersion },
      });
    if (
      JSON.stringify(next) ===
      JSON.stringify({ ...current, metadata: { ...current.metadata, resourceVersion: next.metadata.resourceVersion } })
    ) {
      return this.present(resource, current);
    }
    next.metadata.resourceVersion = String(++this.revision);
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0) {
      this.objects.delete(key);
      this.emit('DELETED', resource, next);
      return this.present(resource, next);
    }
    this.objects.set(key, next);
    this.emit('MODIFIED', resource, next);
    return this.present(resource, next);
  }

  /**
   * Deletes an object; one with finalizers only gets a deletionTimestamp until they are removed.
   * Returns the object as it was deleted (or marked).
   */
  delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options: { dryRun?: boolean; preconditionUid?: string } = {},
  ): KubeObject {
    const key = keyOf(resource, namespace, name);
    const current = this.objects.get(key);
    if (!current) throw notFound(resource.plural, name, resource.group, resource.kind);
    if (options.preconditionUid && options.preconditionUid !== current.metadata.uid) {
      throw new StatusError(
        409,
        'Conflict',
        `Precondition failed: UID in precondition: ${options.preconditionUid}, UID in object meta: ${current.metadata.uid}`,
      );
    }
    if (options.dryRun) return this.present(resource, current);
    if ((current.metadata.finalizers ?? []).length > 0) {
      if (current.metadata.deletionTimestamp) return this.present(resource, current);
      const marked = clone(current);
      marked.metadata.deletionTimestamp = this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
      marked.metadata.resourceVersion = String(++this.revision);
      this.objects.set(key, marked);
      this.emit('MODIFIED', resource, marked);
      return this.present(resource, marked);
    }
    this.objects.delete(key);
    const gone = clone(current);
    gone.metadata.resourceVersion = String(++this.revision);
    this.emit('DELETED', resource, gone);
    return this.present(resource, gone);
  }

  /**
   * Events after `resourceVersion` for a watch resuming from it; a version older than the history is a 410 Gone.
   */
  eventsSince(resourceVersion: number): StoreEvent[] {
    if (resourceVersion < this.oldestResourceVersion - 1 && this.history.length >= HISTORY) {
      throw new StatusError(
        410,
        'Expired',
        `too old resource version: ${resourceVersion} (${this.oldestResourceVersion})`,
      );
    }
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Calls `listener` for every change from now on; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private present(resource: ResourceType, obj: KubeObject): KubeObject {
    const copy = clone(obj);
    copy.apiVersion = apiVersionOf(resource);
    copy.kind = resource.kind;
    return copy;
  }

  private emit(type: StoreEvent['type'], resource: ResourceType, obj: KubeObject): void {
    const event: StoreEvent = { type, resource, object: clone(obj), resourceVersion: this.revision };
    this.history.push(event);
    if (this.history.length > HISTORY) this.history.shift();
    for (const listener of this.listeners) listener(event);
  }
}
