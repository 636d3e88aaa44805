import {
  DELETE_FROM_PRIMITIVE_LIST,
  isDirectiveKey,
  PATCH_DIRECTIVE,
  RETAIN_KEYS,
  SET_ELEMENT_ORDER,
  withoutDirectives,
} from './directives.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { badPatch, catchPatchAbort, PatchAbort, type PatchResult, unprocessablePatch } from './patchResult.js';
import { listStrategyAt, type PatchSchema } from './patchSchema.js';
import { type MapMerger, mergeStrategicList } from './strategicList.js';

const UNSUPPORTED_FOR_CUSTOM_RESOURCES =
  'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';

/**
 * Strategic merge patch, the `application/strategic-merge-patch+json` PATCH body of client-side `kubectl apply`,
 * `kubectl patch`, `set image|env|resources`, `rollout restart|pause|resume`, `cordon` and `taint`. Maps merge and
 * `null` deletes as in a JSON merge patch; lists follow the kind's {@link PatchSchema} (see `patchStrategyFor`):
 * merged by key or as a set, or replaced. Directives: `$patch: replace|delete|merge` on maps, `$patch: replace|delete`
 * elements in lists, `$setElementOrder/<list>`, `$retainKeys` and `$deleteFromPrimitiveList/<list>`.
 * Without a schema — a custom resource — it is refused with the API server's 415. Malformed directives are a 400,
 * a field outside `$retainKeys` a 422. Never throws for user input; the inputs are not changed.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 * @see https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md
 */
export function applyStrategicMergePatch(
  target: JsonValue,
  patch: JsonValue,
  schema: PatchSchema | undefined,
): PatchResult<JsonObject> {
  if (!schema) {
    return {
      ok: false,
      error: { code: 415, reason: 'UnsupportedMediaType', message: UNSUPPORTED_FOR_CUSTOM_RESOURCES },
    };
  }
  if (!isJsonObject(patch)) {
    return {
      ok: false,
      error: badPatch('json: cannot unmarshal a non-object into Go value of type map[string]interface {}'),
    };
  }
  return catchPatchAbort(() => {
    const live = isJsonObject(target) ? structuredClone(target) : undefined;
    return mergeMap(schema)(live, patch, []) ?? {};
  });
}

/** The map merger for one schema; it merges into `live` in place, so callers pass their own copy. */
function mergeMap(schema: PatchSchema): MapMerger {
  const merge: MapMerger = (live, patch, path) => {
    const directive = patch[PATCH_DIRECTIVE];
    if (directive === 'delete') return undefined;
    if (directive === 'replace') return withoutDirectives(patch) as JsonObject;
    if (directive !== undefined && directive !== 'merge') {
      throw new PatchAbort(
        badPatch(`unknown patch type: ${JSON.stringify(directive)} in map: ${JSON.stringify(patch)}`),
      );
    }
    const result: JsonObject = live ?? {};
    retainKeys(result, patch);
    const lists = new Set<string>();
    for (const [key, value] of Object.entries(patch)) {
      if (key.startsWith(SET_ELEMENT_ORDER))
        lists.add(directiveList(key, SET_ELEMENT_ORDER, value, 'setElementOrder list'));
      else if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        lists.add(directiveList(key, DELETE_FROM_PRIMITIVE_LIST, value, 'primitive list'));
      } else if (isDirectiveKey(key)) continue;
      else if (value === null) delete result[key];
      else if (Array.isArray(value)) lists.add(key);
      else if (isJsonObject(value)) {
        const current = result[key];
        const merged = merge(isJsonObject(current) ? current : undefined, value, [...path, key]);
        if (merged === undefined) delete result[key];
        else result[key] = merged;
      } else result[key] = value;
    }
    for (const field of lists) {
      if (patch[field] === null) continue;
      const current = result[field];
      const strategy = listStrategyAt(schema, [...path, field]);
      const merged = mergeStrategicList(
        {
          live: Array.isArray(current) ? current : undefined,
          patch: Array.isArray(patch[field]) ? patch[field] : undefined,
          order: patch[`${SET_ELEMENT_ORDER}${field}`] as JsonValue[] | undefined,
          deletions: patch[`${DELETE_FROM_PRIMITIVE_LIST}${field}`] as JsonValue[] | undefined,
        },
        strategy,
        [...path, field],
        merge,
      );
      if (merged === undefined) continue;
      if (merged.length === 0 && strategy.strategy === 'merge') delete result[field];
      else result[field] = merged;
    }
    return result;
  };
  return merge;
}

function directiveList(key: string, prefix: string, value: JsonValue, what: string): string {
  if (!Array.isArray(value)) throw new PatchAbort(badPatch(`invalid patch format of ${what}`));
  return key.slice(prefix.length);
}

/** Applies `$retainKeys`: fields of the live map not listed are cleared, and the patch may only set listed ones. */
function retainKeys(result: JsonObject, patch: JsonObject): void {
  const keys = patch[RETAIN_KEYS];
  if (keys === undefined) return;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) {
    throw new PatchAbort(badPatch('invalid patch format of retainKeys'));
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!isDirectiveKey(key) && value !== null && !keys.includes(key)) {
      throw new PatchAbort(unprocessablePatch("patch content doesn't match retainKeys list"));
    }
  }
  for (const key of Object.keys(result)) if (!keys.includes(key)) delete result[key];
}
