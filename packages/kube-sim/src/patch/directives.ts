import { isJsonObject, type JsonValue } from './json.js';

/** The `$patch` directive marker of a strategic merge patch. */
export const PATCH_DIRECTIVE = '$patch';
/** `$retainKeys: [...]`: clear the fields of a map not listed. */
export const RETAIN_KEYS = '$retainKeys';
/** `$setElementOrder/<list>: [...]`: the order the list must end up in. */
export const SET_ELEMENT_ORDER = '$setElementOrder/';
/** `$deleteFromPrimitiveList/<list>: [...]`: values to remove from a list of primitives. */
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

/**
 * Whether a key of a patch map is a directive rather than a field.
 * @see https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md
 */
export function isDirectiveKey(key: string): boolean {
  return (
    key === PATCH_DIRECTIVE ||
    key === RETAIN_KEYS ||
    key.startsWith(SET_ELEMENT_ORDER) ||
    key.startsWith(DELETE_FROM_PRIMITIVE_LIST)
  );
}

/**
 * A copy of a patch value without its directives — the keys above, and list elements that are only a directive
 * (`{"$patch": "replace"}`) — as it ends up in the object when nothing is merged: a field the live object lacks,
 * or a list the patch replaces. Nulls are dropped as the server does for fields it cannot match.
 */
export function withoutDirectives(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value
      .filter((item) => !(isJsonObject(item) && PATCH_DIRECTIVE in item && Object.keys(item).length === 1))
      .map(withoutDirectives);
  }
  if (!isJsonObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!isDirectiveKey(key) && child !== null) out[key] = withoutDirectives(child);
  }
  return out;
}
