import type { FieldConflict } from './applyConflicts.js';
import { formatPath, tokensOf } from './fieldPath.js';
import { toFieldSet } from './fieldTree.js';
import { isJsonObject, type JsonObject, stableStringify } from './json.js';
import type { PatchSchema } from './patchSchema.js';
import { trackedView, withoutUntracked } from './trackedView.js';

/** The annotation client-side `kubectl apply` keeps the applied configuration in. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The field manager whose applies take over from client-side apply (`kubectl apply --server-side`). */
export const KUBECTL_MANAGER = 'kubectl';

function lastAppliedOf(object: JsonObject | undefined): string | undefined {
  const annotations = isJsonObject(object?.metadata) ? object.metadata.annotations : undefined;
  const value = isJsonObject(annotations) ? annotations[LAST_APPLIED_ANNOTATION] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The fields listed in a live object's `last-applied-configuration`, as the path keys of a field set; undefined when
 * the object has no such annotation or it is not a JSON object. A server-side apply by `kubectl` may take these
 * over from whoever owns them without a conflict, as the API server does when a user moves from client-side to
 * server-side apply.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#upgrading-from-client-side-apply-to-server-side-apply
 */
export function lastAppliedFields(live: JsonObject | undefined, schema: PatchSchema): Set<string> | undefined {
  const text = lastAppliedOf(live);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? withoutUntracked(toFieldSet(trackedView(parsed), schema)) : undefined;
  } catch {
    return undefined;
  }
}

/** The conflicts on fields outside `allowed`. */
export function conflictsOutside(conflicts: FieldConflict[], allowed: ReadonlySet<string>): FieldConflict[] {
  const allowedFields = new Set([...allowed].map((key) => formatPath(tokensOf(key))));
  return conflicts.filter((c) => !allowedFields.has(c.field));
}

/**
 * `merged` with its `last-applied-configuration` rewritten to the configuration `kubectl` just applied server-side
 * (sorted keys, without the annotation itself), so that a later client-side `kubectl apply` still computes its
 * three-way patch from what was last applied. Only when the live object carried the annotation.
 */
export function syncLastApplied(live: JsonObject | undefined, merged: JsonObject, applied: JsonObject): JsonObject {
  if (lastAppliedOf(live) === undefined || !isJsonObject(merged.metadata)) return merged;
  const config = structuredClone(applied);
  if (isJsonObject(config.metadata) && isJsonObject(config.metadata.annotations)) {
    delete config.metadata.annotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(config.metadata.annotations).length === 0) delete config.metadata.annotations;
  }
  const annotations = isJsonObject(merged.metadata.annotations) ? merged.metadata.annotations : {};
  return {
    ...merged,
    metadata: {
      ...merged.metadata,
      annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: `${stableStringify(config)}\n` },
    },
  };
}
