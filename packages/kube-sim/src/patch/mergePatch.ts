type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * JSON merge patch (RFC 7386): objects merge recursively, `null` deletes, everything else (arrays included)
 * replaces. Used by `kubectl scale`, `label`, `annotate` and `patch --type=merge`. The inputs are not changed.
 * @see https://www.rfc-editor.org/rfc/rfc7386
 */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, Json> = isObject(target) ? structuredClone(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
