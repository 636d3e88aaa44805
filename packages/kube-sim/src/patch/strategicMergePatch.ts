import { StatusError } from '../api/statusError.js';

type Json = unknown;
type Obj = Record<string, Json>;
const isObject = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Lists merged by a key instead of replaced (the `patchMergeKey` of the built-in types). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};
/** Lists of primitives merged as sets. */
const PRIMITIVE_MERGE = new Set(['finalizers']);
/** `ports` merge by containerPort in containers, by port in services. */
function keyFor(field: string, parentPath: string[]): string | undefined {
  if (field === 'ports')
    return parentPath.includes('containers') || parentPath.includes('initContainers') ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

function mergeList(
  field: string,
  path: string[],
  live: Json[],
  patch: Json[],
  order: Json[] | undefined,
  deletions: Json[],
): Json[] {
  const key = keyFor(field, path);
  if (PRIMITIVE_MERGE.has(field)) {
    const merged = [...live.filter((v) => !deletions.includes(v))];
    for (const v of patch) if (!merged.includes(v)) merged.push(v);
    return merged;
  }
  if (!key) return patch.filter((v) => !(isObject(v) && v.$patch === 'delete'));
  const result = live.map((v) => structuredClone(v)) as Obj[];
  for (const item of patch) {
    if (!isObject(item)) continue;
    if (item.$patch === 'replace') return patch.filter((v) => !(isObject(v) && v.$patch));
    const index = result.findIndex((r) => r[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) result[index] = mergeObject(result[index], item, [...path, field]) as Obj;
    else result.push(mergeObject(undefined, item, [...path, field]) as Obj);
  }
  if (order) {
    const rank = (o: Obj) => {
      const i = order.findIndex((e) => isObject(e) && e[key] === o[key]);
      return i < 0 ? order.length : i;
    };
    result.sort((a, b) => rank(a) - rank(b));
  }
  return result;
}

function mergeObject(live: Json, patch: Json, path: string[]): Json {
  if (!isObject(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return structuredClone(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const result: Obj = isObject(live) ? structuredClone(live) : {};
  const retainKeys = Array.isArray(patch.$retainKeys) ? (patch.$retainKeys as string[]) : undefined;
  for (const [field, value] of Object.entries(patch)) {
    if (field.startsWith('$')) continue;
    if (value === null) {
      delete result[field];
      continue;
    }
    if (Array.isArray(value)) {
      const order = patch[`$setElementOrder/${field}`] as Json[] | undefined;
      const deletions = (patch[`$deleteFromPrimitiveList/${field}`] as Json[] | undefined) ?? [];
      result[field] = mergeList(
        field,
        path,
        Array.isArray(result[field]) ? (result[field] as Json[]) : [],
        value,
        order,
        deletions,
      );
      continue;
    }
    const merged = mergeObject(result[field], value, [...path, field]);
    if (merged === undefined) delete result[field];
    else result[field] = merged;
  }
  for (const [directive, value] of Object.entries(patch)) {
    const m = directive.match(/^\$deleteFromPrimitiveList\/(.+)$/);
    if (m && !(m[1]! in patch) && Array.isArray(result[m[1]!])) {
      result[m[1]!] = (result[m[1]!] as Json[]).filter((v) => !(value as Json[]).includes(v));
    }
    const order = directive.match(/^\$setElementOrder\/(.+)$/);
    if (order && !(order[1]! in patch) && Array.isArray(result[order[1]!])) {
      const key = keyFor(order[1]!, path);
      if (key) result[order[1]!] = mergeList(order[1]!, path, result[order[1]!] as Json[], [], value as Json[], []);
    }
  }
  if (retainKeys) for (const k of Object.keys(result)) if (!retainKeys.includes(k)) delete result[k];
  return result;
}

/**
 * Strategic merge patch over the built-in kinds: lists with a merge key (containers, env, volumes, ports, conditions,
 * …) merge item by item; directives `$patch` (replace, delete), `$setElementOrder`, `$retainKeys` and
 * `$deleteFromPrimitiveList` are honoured. Custom resources do not support it (415), as on a real server.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 */
export function applyStrategicMergePatch(target: Json, patch: Json, builtin: boolean): Json {
  if (!builtin) {
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      'strategic merge patch is not supported for custom resources; use --type=merge or --type=json',
    );
  }
  if (!isObject(patch)) throw new StatusError(400, 'BadRequest', 'a strategic merge patch must be a JSON object');
  return mergeObject(target, patch, []);
}
