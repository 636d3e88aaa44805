import { itemToken } from './fieldPath.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { applyListType, isAtomicMap, type ListStrategy, listStrategyAt, type PatchSchema } from './patchSchema.js';

/** A value without null members: null in an applied configuration means "not set". */
function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = withoutNulls(child);
  return out;
}

/**
 * Merges an applied configuration into the live object the way server-side apply does: granular maps merge field by
 * field, `map` lists item by item on their keys, `set` lists value by value, and everything else — scalars, atomic
 * maps and lists — is replaced. Returns a new value; undefined when the configuration sets the field to null.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export function mergeApplied(
  live: JsonValue | undefined,
  config: JsonValue,
  schema: PatchSchema,
  schemaPath: string[] = [],
): JsonValue | undefined {
  if (config === null) return undefined;
  if (live === undefined) return withoutNulls(config);
  if (isJsonObject(live) && isJsonObject(config) && !isAtomicMap(schema, schemaPath)) {
    const out: JsonObject = structuredClone(live);
    for (const [key, value] of Object.entries(config)) {
      const merged = mergeApplied(live[key], value, schema, [...schemaPath, key]);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    }
    return out;
  }
  if (Array.isArray(live) && Array.isArray(config)) {
    const strategy = listStrategyAt(schema, schemaPath);
    if (applyListType(strategy).type !== 'atomic') {
      return mergeItems(live, config, strategy, (l, c) => mergeApplied(l, c, schema, [...schemaPath, '[]']));
    }
  }
  return withoutNulls(config);
}

/**
 * Merges two keyed lists keeping both orders as far as they agree: items only live stay where they were, items of the
 * configuration come in its order, new ones after the configuration item before them.
 */
function mergeItems(
  live: JsonValue[],
  config: JsonValue[],
  strategy: ListStrategy,
  merge: (live: JsonValue | undefined, config: JsonValue) => JsonValue | undefined,
): JsonValue[] {
  const liveIds = live.map((item) => itemToken(item, strategy));
  const configIds = config.map((item) => itemToken(item, strategy));
  const inConfig = new Set(configIds);
  const liveIndex = new Map<string, number>();
  for (const [i, id] of liveIds.entries()) if (id !== undefined && !liveIndex.has(id)) liveIndex.set(id, i);
  const shared = configIds.filter((id) => id !== undefined && liveIndex.has(id));
  const emitted = new Set<string | undefined>();
  const out: JsonValue[] = [];
  const takeConfig = (j: number) => {
    const id = configIds[j];
    const base = id === undefined ? undefined : live[liveIndex.get(id) ?? -1];
    const merged = merge(base, config[j] as JsonValue);
    if (merged !== undefined) out.push(merged);
    emitted.add(id);
    if (shared[0] === id) shared.shift();
  };
  let i = 0;
  let j = 0;
  while (i < live.length || j < config.length) {
    const lid = liveIds[i];
    if (i < live.length && j < config.length && lid !== undefined && lid === configIds[j]) {
      takeConfig(j++);
      i++;
      continue;
    }
    if (i < live.length) {
      if (lid === undefined || !inConfig.has(lid)) {
        out.push(structuredClone(live[i] as JsonValue));
        i++;
        continue;
      }
      if (emitted.has(lid) || shared[0] !== lid || j >= config.length) {
        i++;
        continue;
      }
    }
    takeConfig(j++);
  }
  return out;
}
