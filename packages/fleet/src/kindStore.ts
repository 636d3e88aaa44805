import type { KubeObject, WatchEvent } from '@opspilot/core';

/** One change of the live model, as listeners see it. */
export interface ModelChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  kind: string;
  object: KubeObject;
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/** Drops what the live model never reads (`managedFields` are often the largest part of an object). */
function trimmed(object: KubeObject): KubeObject {
  const metadata = object.metadata as Record<string, unknown>;
  if (!('managedFields' in metadata)) return object;
  const { managedFields: _dropped, ...rest } = metadata;
  return { ...object, metadata: rest as KubeObject['metadata'] };
}

/**
 * The current objects of one kind in one cluster, keyed by namespace and name. Applying the same version twice
 * (a watch resumed from an older resourceVersion replays it) changes nothing and reports no change, so listeners
 * never see a duplicate. With `limit`, the least recently changed objects are dropped beyond it (Events).
 */
export class KindStore {
  private readonly items = new Map<string, KubeObject>();

  constructor(
    readonly kind: string,
    private readonly limit?: number,
  ) {}

  get size(): number {
    return this.items.size;
  }

  /** The objects, least recently changed first. */
  list(): KubeObject[] {
    return [...this.items.values()];
  }

  /** Applies one watch event; returns the change it made, or undefined when it changed nothing. */
  apply(event: WatchEvent): ModelChange | undefined {
    if (event.type === 'BOOKMARK') return undefined;
    const key = keyOf(event.object);
    const known = this.items.get(key);
    if (event.type === 'DELETED') {
      if (!known) return undefined;
      this.items.delete(key);
      return { type: 'DELETED', kind: this.kind, object: known };
    }
    const version = event.object.metadata.resourceVersion;
    if (known && version !== undefined && known.metadata.resourceVersion === version) return undefined;
    this.items.delete(key);
    this.items.set(key, trimmed(event.object));
    this.enforceLimit();
    return { type: known ? 'MODIFIED' : 'ADDED', kind: this.kind, object: event.object };
  }

  /** Replaces everything with a fresh list (after a re-list); returns the changes that makes. */
  replace(objects: KubeObject[]): ModelChange[] {
    const changes: ModelChange[] = [];
    const seen = new Set<string>();
    for (const object of objects) {
      seen.add(keyOf(object));
      const change = this.apply({ type: 'ADDED', object });
      if (change) changes.push(change);
    }
    for (const [key, object] of [...this.items]) {
      if (seen.has(key)) continue;
      this.items.delete(key);
      changes.push({ type: 'DELETED', kind: this.kind, object });
    }
    return changes;
  }

  /** Forgets everything (the watcher stopped). */
  clear(): void {
    this.items.clear();
  }

  private enforceLimit(): void {
    if (this.limit === undefined) return;
    for (const key of this.items.keys()) {
      if (this.items.size <= this.limit) break;
      this.items.delete(key);
    }
  }
}
