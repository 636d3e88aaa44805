import { randomBytes, randomUUID } from 'node:crypto';
import { convertObject } from '../api/convertObject.js';
import { apiVersionOf, hasStatusSubresource, type ResourceType, sameStorage, storageOf } from '../api/resourceTypes.js';
import { alreadyExists, conflict, notFound, StatusError } from '../api/statusError.js';
import { omitEmpty } from '../openapi/omitEmpty.js';
import { builtinSchema } from '../openapi/schemaNodes.js';
import { decodeContinue, encodeContinue } from './continueToken.js';
import type { KubeObject } from './kubeObject.js';
import { SortedKeys } from './sortedKeys.js';
import {
  type DeleteOptions,
  formatTimestamp,
  type ListOptions,
  type ListPage,
  type ObjectStoreOptions,
  type StoreEvent,
  type WriteOptions,
} from './storeTypes.js';

export {
  type DeleteOptions,
  formatTimestamp,
  type ListOptions,
  type ListPage,
  type ObjectStoreOptions,
  type StoreEvent,
  type WriteOptions,
};

import { parseFieldSelector, parseLabelSelector } from './selectors.js';

const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const clone = <T>(v: T): T => structuredClone(v);

function contentOf(obj: KubeObject): string {
  const { apiVersion: _a, kind: _k, metadata: _m, status: _s, ...rest } = obj;
  return JSON.stringify(rest);
}

/**
 * The simulated cluster's storage, in memory: one global increasing resourceVersion, uids, creation timestamps,
 * generations (for the kinds that have them) that rise only when the desired state changes, optimistic concurrency, finalizers, label and field
 * selectors, paged lists, and a bounded change history that watches replay from. Controllers run in-process
 * against it and hear about changes through {@link ObjectStore.subscribe}; the HTTP API is a thin layer over it.
 * Every object handed out is a copy.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
 */
export class ObjectStore {
  private revision = 0;
  private readonly objects = new Map<string, KubeObject>();
  private readonly order = new SortedKeys();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly historyLimit: number;
  private readonly now: () => Date;

  constructor(options: ObjectStoreOptions = {}) {
    const clock = options.clock;
    this.now = clock ? () => clock.now() : () => new Date();
    this.historyLimit = options.historyLimit ?? 5000;
  }

  /** The latest resourceVersion handed out. */
  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestResourceVersion(): number {
    const first = this.history[0];
    return first ? first.resourceVersion - 1 : this.revision;
  }

  /** The object, or a 404 StatusError (`deployments.apps "x" not found`). */
  get(resource: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const found = this.find(resource, namespace, name);
    if (!found) throw notFound(resource.plural, name, resource.group);
    return found;
  }

  /** The object, or undefined. */
  find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.objects.get(this.key(resource, resource.namespaced ? namespace : undefined, name));
    return found ? this.present(resource, found) : undefined;
  }

  /**
   * Lists objects in name order (namespace, then name), filtered by label and field selectors, in pages of
   * `limit` with opaque `continue` tokens. A malformed selector or token is a 400.
   */
  list(resource: ResourceType, options: ListOptions = {}): ListPage {
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector, resource);
    const position = options.continue ? decodeContinue(options.continue) : undefined;
    const prefix = this.key(resource, resource.namespaced ? options.namespace : undefined, '');
    const prefixOf = options.namespace || !resource.namespaced ? prefix : prefix.slice(0, prefix.length - 1);
    const rv = position?.resourceVersion ?? this.revision;
    const limit = options.limit && options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
    const page: KubeObject[] = [];
    let last: string | undefined;
    let remaining = 0;
    for (const key of this.order.range(prefixOf, position?.after)) {
      const obj = this.objects.get(key)!;
      if (!labels(obj.metadata.labels) || !fields(obj)) continue;
      if (page.length < limit) {
        page.push(this.present(resource, obj));
        last = key;
      } else remaining++;
    }
    return {
      items: page,
      resourceVersion: String(rv),
      ...(remaining > 0 && last !== undefined
        ? { continue: encodeContinue({ resourceVersion: rv, after: last }), remainingItemCount: remaining }
        : {}),
    };
  }

  /**
   * Creates an object: fills in the name from `generateName`, the uid (unless the caller chose one),
   * creationTimestamp, generation 1 (for kinds with generations) and a new resourceVersion. A taken name is a 409 AlreadyExists. Validation and defaulting are the caller's (the HTTP
   * layer), so controllers can write exactly what they mean.
   */
  create(resource: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
    const obj = this.toStorage(resource, clone(input));
    const meta = obj.metadata;
    if (!resource.namespaced) delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${this.suffix()}`;
    const key = this.key(resource, meta.namespace, meta.name);
    if (this.objects.has(key)) throw alreadyExists(resource.plural, meta.name, resource.group);
    meta.uid = meta.uid || randomUUID();
    meta.creationTimestamp = formatTimestamp(this.now());
    if (resource.generation) meta.generation = 1;
    else delete meta.generation;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (options.dryRun) return this.present(resource, obj);
    meta.resourceVersion = String(++this.revision);
    this.objects.set(key, obj);
    this.order.insert(key);
    this.emit('ADDED', resource, obj);
    return this.present(resource, obj);
  }

  /**
   * Replaces an object. A `metadata.resourceVersion` other than the stored one is a 409 Conflict (leave it out to
   * write unconditionally). uid, creationTimestamp and deletionTimestamp are kept; `generation` rises only when
   * something outside metadata and status changed; main writes keep the status (of kinds with a status
   * subresource) and status writes keep everything else. A write that changes nothing keeps the resourceVersion.
   * Removing the last finalizer of an object being deleted deletes it.
   */
  update(resource: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
    const given = this.toStorage(resource, clone(input));
    const meta = given.metadata;
    const key = this.key(resource, resource.namespaced ? meta.namespace : undefined, meta.name);
    const current = this.objects.get(key);
    if (!current) throw notFound(resource.plural, meta.name, resource.group);
    if (meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion) {
      throw conflict(resource.plural, meta.name, resource.group);
    }
    let next: KubeObject;
    if (options.subresource === 'status') {
      next = { ...clone(current), status: given.status };
      if (given.status === undefined) delete next.status;
    } else {
      next = given;
      if (hasStatusSubresource(resource)) {
        if (current.status === undefined) delete next.status;
        else next.status = clone(current.status);
      }
      next.metadata.uid = current.metadata.uid;
      next.metadata.creationTimestamp = current.metadata.creationTimestamp;
      next.metadata.namespace = current.metadata.namespace;
      delete next.metadata.deletionTimestamp;
      delete next.metadata.deletionGracePeriodSeconds;
      if (current.metadata.deletionTimestamp) {
        next.metadata.deletionTimestamp = current.metadata.deletionTimestamp;
        next.metadata.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds;
      }
      delete next.metadata.generation;
      if (resource.generation) {
        const generation = current.metadata.generation ?? 1;
        next.metadata.generation = contentOf(next) === contentOf(current) ? generation : generation + 1;
      }
    }
    next.metadata.resourceVersion = current.metadata.resourceVersion;
    if (JSON.stringify(next) === JSON.stringify(current)) return this.present(resource, current);
    if (options.dryRun) return this.present(resource, next);
    next.metadata.resourceVersion = String(++this.revision);
    if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0) {
      this.objects.delete(key);
      this.order.remove(key);
      this.emit('DELETED', resource, next);
      return this.present(resource, next);
    }
    this.objects.set(key, next);
    this.emit('MODIFIED', resource, next, current);
    return this.present(resource, next);
  }

  /**
   * Deletes an object. One with finalizers only gets a deletionTimestamp (and a new generation) until the last
   * finalizer is removed; preconditions that do not hold are a 409 Conflict. Returns the object as deleted or
   * marked. Dependents are not touched here: garbage collection is the caller's.
   */
  delete(resource: ResourceType, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    const key = this.key(resource, resource.namespaced ? namespace : undefined, name);
    const current = this.objects.get(key);
    if (!current) throw notFound(resource.plural, name, resource.group);
    const { uid, resourceVersion } = options.preconditions ?? {};
    if (uid && uid !== current.metadata.uid) {
      const why = `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid}`;
      throw conflict(resource.plural, name, resource.group, why);
    }
    if (resourceVersion && resourceVersion !== current.metadata.resourceVersion) {
      const why = `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`;
      throw conflict(resource.plural, name, resource.group, why);
    }
    if ((current.metadata.finalizers ?? []).length > 0) {
      if (current.metadata.deletionTimestamp) return this.present(resource, current);
      const marked = clone(current);
      marked.metadata.deletionTimestamp = formatTimestamp(this.now());
      marked.metadata.deletionGracePeriodSeconds = 0;
      if (resource.generation) marked.metadata.generation = (current.metadata.generation ?? 1) + 1;
      if (options.dryRun) return this.present(resource, marked);
      marked.metadata.resourceVersion = String(++this.revision);
      this.objects.set(key, marked);
      this.emit('MODIFIED', resource, marked, current);
      return this.present(resource, marked);
    }
    if (options.dryRun) return this.present(resource, current);
    this.objects.delete(key);
    this.order.remove(key);
    const gone = clone(current);
    gone.metadata.resourceVersion = String(++this.revision);
    this.emit('DELETED', resource, gone);
    return this.present(resource, gone);
  }

  /**
   * Events after `resourceVersion`, oldest first, for a watch resuming from it. A version older than the kept
   * history is a 410 Expired StatusError (`too old resource version: 5 (120)`).
   */
  eventsSince(resourceVersion: number): StoreEvent[] {
    if (resourceVersion < this.oldestResourceVersion) {
      throw new StatusError(
        410,
        'Expired',
        `too old resource version: ${resourceVersion} (${this.oldestResourceVersion})`,
      );
    }
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  /**
   * Calls `listener` synchronously after every change from now on (optionally only for one resource, in any
   * version sharing its storage); returns the unsubscribe function. Listeners must not throw; they may write.
   * @example
   * const stop = store.subscribe((e) => queue.add(e.object.metadata.name), { resource: deployments });
   */
  subscribe(listener: (event: StoreEvent) => void, filter: { resource?: ResourceType } = {}): () => void {
    const { resource } = filter;
    const wrapped = resource ? (e: StoreEvent) => sameStorage(e.resource, resource) && listener(e) : listener;
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  /** A copy of a stored (or event) object in the version `resource` serves, with its apiVersion and kind. */
  present(resource: ResourceType, obj: KubeObject): KubeObject {
    const copy = convertObject({ ...clone(obj), kind: resource.kind }, apiVersionOf(resource));
    copy.apiVersion = apiVersionOf(resource);
    copy.kind = resource.kind;
    return copy;
  }

  private toStorage(resource: ResourceType, obj: KubeObject): KubeObject {
    obj.metadata ??= { name: '' };
    const storage = apiVersionOf(storageOf(resource));
    const converted = convertObject({ ...obj, apiVersion: apiVersionOf(resource), kind: resource.kind }, storage);
    const schema = builtinSchema({ ...storageOf(resource), kind: resource.kind });
    const stored = { ...converted, apiVersion: storage, kind: resource.kind };
    return schema ? omitEmpty(stored, schema) : stored;
  }

  private key(resource: ResourceType, namespace: string | undefined, name: string): string {
    return `${storageOf(resource).group}/${resource.plural}/${namespace ?? ''}/${name}`;
  }

  private suffix(): string {
    return [...randomBytes(5)].map((b) => NAME_ALPHABET[b % NAME_ALPHABET.length]).join('');
  }

  private emit(type: StoreEvent['type'], resource: ResourceType, obj: KubeObject, previous?: KubeObject): void {
    const event: StoreEvent = { type, resource, object: clone(obj), resourceVersion: this.revision };
    if (previous) event.previous = previous;
    this.history.push(event);
    if (this.history.length > this.historyLimit) this.history.shift();
    for (const listener of [...this.listeners]) listener(event);
  }
}
