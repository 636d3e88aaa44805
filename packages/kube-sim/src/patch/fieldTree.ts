import { fieldToken, itemToken, pathKey } from './fieldPath.js';
import { isJsonObject, type JsonValue } from './json.js';
import { applyListType, isAtomicMap, listStrategyAt, type PatchSchema } from './patchSchema.js';

/** One child of a node in the field tree of an object. */
export interface FieldChild {
  /** The `fieldsV1` token (`f:name`, `k:{...}`, `v:...`). */
  token: string;
  /** The schema step: the field name, or `[]` for a list item. */
  step: string;
  value: JsonValue;
  /** Whether the child is an item of a keyed list, which server-side apply owns as a node of its own. */
  item: boolean;
}

/**
 * The children of a value in server-side apply's field tree, or undefined when the value is a leaf: a scalar, an
 * atomic map or list, or a keyed list with an item that lacks its key or repeats one (such a list is handled as one
 * value). Granular maps have a child per field; `map` lists one per item; `set` lists one leaf per value.
 */
export function childrenOf(
  value: JsonValue,
  schemaPath: readonly string[],
  schema: PatchSchema,
): FieldChild[] | undefined {
  if (isJsonObject(value)) {
    if (isAtomicMap(schema, schemaPath)) return undefined;
    return Object.entries(value).map(([name, child]) => ({
      token: fieldToken(name),
      step: name,
      value: child,
      item: false,
    }));
  }
  if (!Array.isArray(value)) return undefined;
  const strategy = listStrategyAt(schema, schemaPath);
  const { type } = applyListType(strategy);
  if (type === 'atomic') return undefined;
  const children: FieldChild[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    const token = itemToken(item, strategy);
    if (token === undefined || seen.has(token)) {
      if (type === 'map') return undefined;
      continue;
    }
    seen.add(token);
    children.push({ token, step: '[]', value: item, item: type === 'map' });
  }
  return children;
}

/**
 * The fields an applied configuration sets, as server-side apply records them for its manager: every leaf (scalars,
 * atomic values, empty maps and lists, nulls) and every item of a keyed list. Maps the configuration merely passes
 * through are not members. The root is never a member.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export function toFieldSet(value: JsonValue, schema: PatchSchema): Set<string> {
  const set = new Set<string>();
  const walk = (node: JsonValue, tokens: string[], schemaPath: string[]) => {
    const children = childrenOf(node, schemaPath, schema);
    if (children === undefined || children.length === 0) {
      if (tokens.length > 0) set.add(pathKey(tokens));
      return;
    }
    for (const child of children) {
      const childTokens = [...tokens, child.token];
      if (child.item) set.add(pathKey(childTokens));
      walk(child.value, childTokens, [...schemaPath, child.step]);
    }
  };
  walk(value, [], []);
  return set;
}

/** Every node below the root of a value — leaves, items and the maps between — as path keys under `tokens`. */
export function allPaths(
  value: JsonValue,
  tokens: readonly string[],
  schemaPath: readonly string[],
  schema: PatchSchema,
  into: Set<string>,
): void {
  if (tokens.length > 0) into.add(pathKey(tokens));
  for (const child of childrenOf(value, schemaPath, schema) ?? []) {
    allPaths(child.value, [...tokens, child.token], [...schemaPath, child.step], schema, into);
  }
}

/**
 * A problem server-side apply refuses in a configuration: an item of a keyed list without its key, or two items with
 * the same key. Returns the message of the API server's 422, or undefined.
 */
export function findKeyProblem(
  value: JsonValue,
  schema: PatchSchema,
  schemaPath: string[] = [],
  at = '',
): string | undefined {
  if (isJsonObject(value)) {
    if (isAtomicMap(schema, schemaPath)) return undefined;
    for (const [name, child] of Object.entries(value)) {
      const problem = findKeyProblem(child, schema, [...schemaPath, name], `${at}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const strategy = listStrategyAt(schema, schemaPath);
  const { type, keys } = applyListType(strategy);
  if (type !== 'map') return undefined;
  const seen = new Set<string>();
  for (const [i, item] of value.entries()) {
    const token = itemToken(item, strategy);
    if (token === undefined) {
      return `${at}: element ${i}: associative list with keys has an element that omits key field ${JSON.stringify(keys.find((k) => !isJsonObject(item) || item[k] === undefined) ?? keys[0])} (and doesn't have default value)`;
    }
    if (seen.has(token)) return `${at}: duplicate entries for key ${token.slice(2)}`;
    seen.add(token);
    const problem = findKeyProblem(item, schema, [...schemaPath, '[]'], `${at}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}
