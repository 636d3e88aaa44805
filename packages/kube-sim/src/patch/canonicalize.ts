import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * A canonical form of a value for comparison and hashing: nulls, empty maps and empty lists dropped at every level
 * (a map left empty by that is dropped too), object keys sorted; list order kept. So a pod template `kubectl rollout
 * undo` sends back with `creationTimestamp: null` and `resources: {}` canonicalises like the stored one, and the
 * deployment controller finds the old ReplicaSet by its `pod-template-hash`. Not for storing: `emptyDir: {}` means
 * something in an object, nothing in a hash. Returns `{}` when nothing is left of an object, undefined of anything else.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pod-template-hash-label
 */
export function canonicalize(value: JsonValue): JsonValue | undefined {
  const out = prune(value);
  if (out === undefined && isJsonObject(value)) return {};
  return out;
}

function prune(value: JsonValue): JsonValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item): item is JsonValue => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    const child = prune(value[key] as JsonValue);
    if (child !== undefined) out[key] = child;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
