import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import type { StoreEvent } from '../store/storeTypes.js';
import { formatQuantity } from './quantities.js';
import { usageOf } from './quotaUsage.js';

type Usage = Record<string, number>;

interface NamespaceUsage {
  /** Usage of each object, by `group/plural/name`. */
  objects: Map<string, Usage>;
  totals: Usage;
}

const trackers = new WeakMap<ObjectStore, QuotaTracker>();

const keyOf = (type: Pick<ResourceType, 'group' | 'plural'>, name: string) => `${type.group}/${type.plural}/${name}`;
const isQuotaType = (type: Pick<ResourceType, 'group' | 'plural'>) =>
  type.group === '' && type.plural === 'resourcequotas';

/**
 * The quota controller of the simulated cluster: keeps, for every namespace that has ResourceQuotas, what each
 * object uses (see {@link usageOf}) and the namespace totals, updated incrementally from the store's change events,
 * and writes every quota's `status.hard` / `status.used` when a total it limits changes. Admission reads the totals.
 * One per store ({@link quotaTracker}).
 * @see https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
export class QuotaTracker {
  private readonly namespaces = new Map<string, NamespaceUsage>();
  private readonly rqType: ResourceType | undefined;
  private writing = false;
  readonly stop: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
  ) {
    this.rqType = registry.find('', 'v1', 'resourcequotas');
    if (this.rqType) for (const q of store.list(this.rqType).items) this.usage(q.metadata.namespace!);
    this.stop = store.subscribe((event) => this.onChange(event));
  }

  /** The namespace's current totals (tracking it from now on). */
  usage(namespace: string): Usage {
    return this.tracked(namespace).totals;
  }

  private tracked(namespace: string): NamespaceUsage {
    let entry = this.namespaces.get(namespace);
    if (entry) return entry;
    entry = { objects: new Map(), totals: {} };
    this.namespaces.set(namespace, entry);
    const seen = new Set<string>();
    for (const type of this.registry.all()) {
      const storage = `${type.group}/${type.plural}`;
      if (!type.namespaced || seen.has(storage) || type.group === 'metrics.k8s.io') continue;
      seen.add(storage);
      for (const obj of this.store.list(type, { namespace }).items) this.set(entry, type, obj.metadata.name, obj);
    }
    return entry;
  }

  /** Records one object's usage (none when deleted or being deleted); returns the names whose totals changed. */
  private set(entry: NamespaceUsage, type: ResourceType, name: string, obj: KubeObject | undefined): string[] {
    const key = keyOf(type, name);
    const before = entry.objects.get(key) ?? {};
    const after = obj && !obj.metadata.deletionTimestamp ? usageOf(type, obj) : {};
    const changed: string[] = [];
    for (const n of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const delta = (after[n] ?? 0) - (before[n] ?? 0);
      if (delta === 0) continue;
      entry.totals[n] = (entry.totals[n] ?? 0) + delta;
      changed.push(n);
    }
    if (Object.keys(after).length > 0) entry.objects.set(key, after);
    else entry.objects.delete(key);
    return changed;
  }

  private onChange(event: StoreEvent): void {
    const namespace = event.object.metadata.namespace;
    if (!namespace || this.writing || event.resource.group === 'metrics.k8s.io') return;
    const quotaEvent = isQuotaType(event.resource);
    let entry = this.namespaces.get(namespace);
    if (!entry) {
      if (!quotaEvent || event.type === 'DELETED') return;
      entry = this.tracked(namespace);
    } else {
      const changed = this.set(
        entry,
        event.resource,
        event.object.metadata.name,
        event.type === 'DELETED' ? undefined : event.object,
      );
      if (!quotaEvent && changed.length === 0) return;
    }
    this.writeStatus(namespace, entry);
  }

  /** Writes `status.hard` and `status.used` of the namespace's quotas that changed. */
  private writeStatus(namespace: string, entry: NamespaceUsage): void {
    if (!this.rqType) return;
    const quotas = this.store.list(this.rqType, { namespace }).items;
    if (quotas.length === 0) {
      this.namespaces.delete(namespace);
      return;
    }
    this.writing = true;
    try {
      for (const quota of quotas) {
        const hard = ((quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<
          string,
          string
        >;
        const names = Object.keys(hard).sort();
        const used = Object.fromEntries(names.map((n) => [n, formatQuantity(entry.totals[n] ?? 0, n)]));
        const status = { hard: { ...hard }, used };
        if (JSON.stringify(status) === JSON.stringify(quota.status ?? {})) continue;
        const { resourceVersion: _rv, ...metadata } = quota.metadata;
        this.store.update(this.rqType, { ...quota, metadata, status }, { subresource: 'status' });
      }
    } finally {
      this.writing = false;
    }
  }
}

/**
 * The {@link QuotaTracker} of a store, started on first use (the API server starts it with the store, so quota
 * status is kept current from the beginning).
 */
export function quotaTracker(store: ObjectStore, registry: ResourceRegistry): QuotaTracker {
  let tracker = trackers.get(store);
  if (!tracker) {
    tracker = new QuotaTracker(store, registry);
    trackers.set(store, tracker);
  }
  return tracker;
}
