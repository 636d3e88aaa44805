import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * JSON merge patch (RFC 7386), the `application/merge-patch+json` PATCH body: objects merge recursively, `null`
 * deletes a member, anything else — arrays included — replaces the target value. `kubectl scale`, `label`,
 * `annotate` and `patch --type=merge` send it, and it is how custom resources merge. Neither input is changed.
 * @see https://www.rfc-editor.org/rfc/rfc7386
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#use-a-json-merge-patch-to-update-a-deployment
 */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return structuredClone(patch);
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  // Members the patch did not touch are still shared with the target: copy them too.
  for (const key of Object.keys(result)) if (!(key in patch)) result[key] = structuredClone(result[key] as JsonValue);
  return result;
}
