import { PATCH_DIRECTIVE, withoutDirectives } from './directives.js';
import { type ItemId, normalizeOrder, orderCoversPatch } from './elementOrder.js';
import { isJsonObject, type JsonObject, type JsonValue, jsonEqual, stableStringify } from './json.js';
import { badPatch, PatchAbort } from './patchResult.js';
import type { ListStrategy } from './patchSchema.js';

/** Merges one map of a patch into (a copy of) a live map; undefined when the patch deletes it. */
export type MapMerger = (live: JsonObject | undefined, patch: JsonObject, path: string[]) => JsonObject | undefined;

/** What a patch says about one list field: the list itself and the directives beside it. */
export interface ListPatch {
  live: JsonValue[] | undefined;
  patch: JsonValue[] | undefined;
  /** `$setElementOrder/<field>` */
  order: JsonValue[] | undefined;
  /** `$deleteFromPrimitiveList/<field>` */
  deletions: JsonValue[] | undefined;
}

const abort = (message: string): never => {
  throw new PatchAbort(badPatch(message));
};

/**
 * The list a strategic merge patch leaves at `path`: replaced by the patch list unless the kind merges it — as a set
 * of primitives (`finalizers`), or item by item on a merge key (`containers` by `name`) honouring `$patch: delete`
 * and `$patch: replace` elements — then put in the order of `$setElementOrder` or of the patch list, with items the
 * patch does not name kept in their live order.
 * @see https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md
 */
export function mergeStrategicList(
  list: ListPatch,
  strategy: ListStrategy,
  path: string[],
  mergeMap: MapMerger,
): JsonValue[] | undefined {
  if (strategy.strategy === 'replace') return list.patch && (withoutDirectives(list.patch) as JsonValue[]);
  if (strategy.key === undefined) return mergePrimitives(list);
  return mergeKeyed(list, strategy.key, path, mergeMap);
}

function mergePrimitives({ live, patch, order, deletions }: ListPatch): JsonValue[] | undefined {
  if (patch?.some((item) => item !== null && typeof item === 'object')) {
    abort('invalid patch format of primitive list');
  }
  if (!live && !patch) return undefined;
  const id: ItemId = (item) => stableStringify(item);
  let merged = (live ?? []).filter((item) => !deletions?.some((d) => jsonEqual(d, item)));
  const seen = new Set(merged.map(id));
  for (const item of patch ?? []) {
    if (!seen.has(id(item))) merged.push(item);
    seen.add(id(item));
  }
  if (order) merged = normalizeOrder(merged, order, live ?? [], id);
  return merged;
}

function mergeKeyed(list: ListPatch, key: string, path: string[], mergeMap: MapMerger): JsonValue[] | undefined {
  const id: ItemId = (item) => (isJsonObject(item) && item[key] !== undefined ? stableStringify(item[key]) : undefined);
  const live = list.live ?? [];
  let current = [...live];
  const regular: JsonObject[] = [];
  let replace = false;
  for (const item of list.patch ?? []) {
    if (!isJsonObject(item)) return abort(`${path.join('.')}: expected a list of objects merged by ${key}`);
    const directive = item[PATCH_DIRECTIVE];
    if (directive === 'replace') {
      replace = true;
      continue;
    }
    if (directive === 'merge') abort('merging lists cannot yet be specified in the patch');
    if (directive !== undefined && directive !== 'delete') {
      abort(`unknown patch type: ${JSON.stringify(directive)} in map: ${JSON.stringify(item)}`);
    }
    if (!(key in item)) abort(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    if (directive === 'delete') current = current.filter((c) => id(c) !== id(item));
    else regular.push(item);
  }
  if (list.order && !orderCoversPatch(regular, list.order, id)) abort('invalid patch format of setElementOrder list');
  if (replace) {
    const items = regular.map((item) => mergeMap(undefined, item, [...path, '[]'])).filter((i) => i !== undefined);
    return list.order ? normalizeOrder(items, list.order, [], id) : items;
  }
  if (!list.live && !list.patch) return undefined;
  const merged: JsonValue[] = current;
  for (const item of regular) {
    const index = merged.findIndex((c) => id(c) === id(item));
    const base = index >= 0 && isJsonObject(merged[index]) ? (merged[index] as JsonObject) : undefined;
    const next = mergeMap(base, item, [...path, '[]']);
    if (next === undefined) continue;
    if (index >= 0) merged[index] = next;
    else merged.push(next);
  }
  return normalizeOrder(merged, list.order ?? regular, live, id);
}
