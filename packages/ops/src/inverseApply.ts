type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The object that, applied with the same field manager, takes back a server-side apply: every field the applied
 * object set is given its value from before, and fields that did not exist before are left out, so the server
 * removes them (the manager no longer claims them). Lists of named items (containers, env, ports) are matched by
 * `name`, other lists are restored whole.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export function inverseApply(applied: Json, before: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(applied)) {
    if (!(key in before)) continue;
    const old = before[key];
    if (isObject(value) && isObject(old)) out[key] = inverseApply(value, old);
    else if (Array.isArray(value) && Array.isArray(old) && value.every((v) => isObject(v) && 'name' in v)) {
      out[key] = value.flatMap((item) => {
        const match = old.find((o) => isObject(o) && o.name === (item as Json).name);
        return match ? [{ ...inverseApply(item as Json, match as Json), name: (item as Json).name }] : [];
      });
    } else out[key] = old;
  }
  return out;
}
