import type { JsonValue } from './json.js';

/** The identity of a list item for ordering: its merge-key value, or the value itself in a list of primitives. */
export type ItemId = (item: JsonValue) => string | undefined;

function rankIn(order: readonly JsonValue[], id: ItemId): Map<string, number> {
  const ranks = new Map<string, number>();
  order.forEach((item, i) => {
    const key = id(item);
    if (key !== undefined && !ranks.has(key)) ranks.set(key, i);
  });
  return ranks;
}

/** Items sorted by their position in `order`; items absent from it keep their relative order at the end. */
export function sortByOrder(items: readonly JsonValue[], order: readonly JsonValue[], id: ItemId): JsonValue[] {
  const ranks = rankIn(order, id);
  const rank = (item: JsonValue) => ranks.get(id(item) ?? '') ?? Number.POSITIVE_INFINITY;
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i)
    .map(({ item }) => item);
}

/**
 * Interleaves the items only the server has with the items the patch names, keeping the relative order of each
 * group. A server-only item goes first when the live list had it before the patch item in hand; a patch item the
 * live list did not have goes before the remaining server-only items (so a new container added by a plain patch
 * lands first, as on a real API server).
 */
export function interleave(
  serverOnly: readonly JsonValue[],
  patchItems: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  id: ItemId,
): JsonValue[] {
  const ranks = rankIn(serverOrder, id);
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    const left = serverOnly[i];
    const right = patchItems[j];
    if (left === undefined) out.push(patchItems[j++] as JsonValue);
    else if (right === undefined) out.push(serverOnly[i++] as JsonValue);
    else {
      const l = ranks.get(id(left) ?? '');
      const r = ranks.get(id(right) ?? '');
      if (l !== undefined && r !== undefined && l < r) out.push(serverOnly[i++] as JsonValue);
      else out.push(patchItems[j++] as JsonValue);
    }
  }
  return out;
}

/**
 * The final order of a merged list: items named by `order` (the patch list, or a `$setElementOrder` list) in that
 * order, interleaved with the remaining items in their live order.
 * @see https://github.com/kubernetes/design-proposals-archive/blob/main/cli/preserve-order-in-strategic-merge-patch.md
 */
export function normalizeOrder(
  merged: readonly JsonValue[],
  order: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  id: ItemId,
): JsonValue[] {
  const named = new Set(order.map(id));
  const inOrder = merged.filter((item) => named.has(id(item)));
  const serverOnly = merged.filter((item) => !named.has(id(item)));
  return interleave(sortByOrder(serverOnly, serverOrder, id), sortByOrder(inOrder, order, id), serverOrder, id);
}

/**
 * Whether a `$setElementOrder` list is consistent with the patch list beside it: every patch item appears in it,
 * in the same relative order. The API server refuses the patch otherwise.
 */
export function orderCoversPatch(patchItems: readonly JsonValue[], order: readonly JsonValue[], id: ItemId): boolean {
  const ranks = rankIn(order, id);
  let last = -1;
  for (const item of patchItems) {
    const rank = ranks.get(id(item) ?? '');
    if (rank === undefined || rank < last) return false;
    last = rank;
  }
  return true;
}
