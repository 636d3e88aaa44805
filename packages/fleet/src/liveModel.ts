import type { ClusterSnapshot, KubeObject } from '@opspilot/core';
import { DEFAULT_EVENT_LIMIT, FLEET_KINDS } from './fleetKinds.js';
import { KindStore } from './kindStore.js';

/**
 * The live objects of one cluster, one {@link KindStore} per kind of {@link FLEET_KINDS}, with Events capped at
 * `eventLimit` so memory stays bounded however chatty the cluster is.
 */
export class LiveModel {
  private readonly stores = new Map<string, KindStore>();
  private readonly synced = new Set<string>();
  private readonly unavailable = new Set<string>();

  constructor(
    readonly kinds: readonly string[] = FLEET_KINDS,
    eventLimit = DEFAULT_EVENT_LIMIT,
  ) {
    for (const kind of kinds) this.stores.set(kind, new KindStore(kind, kind === 'Event' ? eventLimit : undefined));
  }

  /** The store of `kind`; undefined for a kind the model does not keep. */
  store(kind: string): KindStore | undefined {
    return this.stores.get(kind);
  }

  /** The objects of `kind`, optionally of one namespace. */
  objects(kind: string, namespace?: string): KubeObject[] {
    const all = this.stores.get(kind)?.list() ?? [];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  markSynced(kind: string): void {
    this.synced.add(kind);
  }

  markUnavailable(kind: string): void {
    this.unavailable.add(kind);
  }

  /** Every kind has been listed once (or is not served by the cluster). */
  get ready(): boolean {
    return this.kinds.every((k) => this.synced.has(k) || this.unavailable.has(k));
  }

  /** The model as a {@link ClusterSnapshot} for the analyzers (kinds not yet listed are left out). */
  snapshot(cluster: string, now: Date): ClusterSnapshot {
    const objects: Record<string, KubeObject[]> = {};
    for (const kind of this.synced) objects[kind] = this.objects(kind);
    return { cluster, takenAt: now.toISOString(), objects, errors: [] };
  }

  /** Forgets every object (the cluster is no longer watched). */
  clear(): void {
    for (const store of this.stores.values()) store.clear();
    this.synced.clear();
  }
}
