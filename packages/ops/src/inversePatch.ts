type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const named = (list: unknown[]) => list.length > 0 && list.every((v) => isObject(v) && typeof v.name === 'string');

/**
 * The strategic-merge patch that takes back `applied` (a strategic-merge patch or partial object) given the object
 * as it was `before`: every field it set gets its old value back, fields that did not exist are removed (`null`),
 * list items matched by `name` (containers, env, ports) that were added are deleted (`$patch: delete`), other lists
 * are restored whole.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export function inversePatch(applied: Json, before: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(applied)) {
    if (!(key in before)) {
      out[key] = null;
      continue;
    }
    const old = before[key];
    if (isObject(value) && isObject(old)) out[key] = inversePatch(value, old);
    else if (Array.isArray(value) && Array.isArray(old) && named(value)) {
      out[key] = value.map((item) => {
        const name = (item as Json).name;
        const match = old.find((o) => isObject(o) && o.name === name);
        return match ? { ...inversePatch(item as Json, match as Json), name } : { name, $patch: 'delete' };
      });
    } else out[key] = old;
  }
  return out;
}
