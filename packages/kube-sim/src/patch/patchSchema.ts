/**
 * How one list field of a kind is patched: the `patchStrategy` / `patchMergeKey` struct tags for strategic merge
 * patch, and the `x-kubernetes-list-type` / `x-kubernetes-list-map-keys` markers for server-side apply.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export interface ListStrategy {
  /** Strategic merge patch: `merge` item by item (by `key`, or as a set of primitives without one), or `replace`. */
  readonly strategy: 'merge' | 'replace';
  /** The `patchMergeKey` of a merged list of objects; absent for a merged list of primitives. */
  readonly key?: string;
  /** Server-side apply list type; by default `map` for a keyed merge, `set` for a primitive merge, else `atomic`. */
  readonly listType?: 'map' | 'set' | 'atomic';
  /** Server-side apply keys of a `map` list when they differ from `[key]`, e.g. `containerPort` and `protocol`. */
  readonly listMapKeys?: readonly string[];
  /** Values of list map keys an item may omit, as the API server defaults them (`protocol: TCP`). */
  readonly keyDefaults?: Readonly<Record<string, string>>;
}

/**
 * The patch metadata of one kind: its list fields by path, and the maps server-side apply treats as one value.
 * Paths are dotted field names from the object root, with `[]` for "every item of the list", e.g.
 * `spec.template.spec.containers[].ports`.
 */
export interface PatchSchema {
  readonly lists: Readonly<Record<string, ListStrategy>>;
  /** Maps that server-side apply owns and replaces as a whole (`+mapType=atomic`, `+structType=atomic`). */
  readonly atomicMaps: readonly string[];
}

/** The strategy of a list nobody declared: replaced by strategic merge patch, atomic for server-side apply. */
export const REPLACE: ListStrategy = { strategy: 'replace' };

/** A schema path (`spec.template.spec.containers[]`) from the field names and `[]` steps of a walk. */
export function schemaKey(path: readonly string[]): string {
  return path.join('.').replace(/\.\[\]/g, '[]');
}

/** The strategy of the list at a schema path; {@link REPLACE} when the kind declares none. */
export function listStrategyAt(schema: PatchSchema, path: readonly string[]): ListStrategy {
  return schema.lists[schemaKey(path)] ?? REPLACE;
}

/** How server-side apply merges the list at a path, and by which keys when it is a `map` list. */
export function applyListType(strategy: ListStrategy): { type: 'map' | 'set' | 'atomic'; keys: readonly string[] } {
  const type = strategy.listType ?? (strategy.strategy === 'merge' ? (strategy.key ? 'map' : 'set') : 'atomic');
  const keys = strategy.listMapKeys ?? (strategy.key ? [strategy.key] : []);
  return { type: type === 'map' && keys.length === 0 ? 'atomic' : type, keys };
}

/** Whether server-side apply treats the map at a path as one value. */
export function isAtomicMap(schema: PatchSchema, path: readonly string[]): boolean {
  return schema.atomicMaps.includes(schemaKey(path));
}
