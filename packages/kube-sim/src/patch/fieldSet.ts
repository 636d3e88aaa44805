import { type FieldTokens, pathKey, tokensOf } from './fieldPath.js';
import { isJsonObject, type JsonObject } from './json.js';

/** A set of field paths (as {@link pathKey} strings) a manager owns, or a comparison found changed. */
export type FieldSet = ReadonlySet<string>;

interface Node {
  member: boolean;
  children: Map<string, Node>;
}

/**
 * The `fieldsV1` form of a field set, as stored in `metadata.managedFields`: a tree of tokens where `{}` marks an
 * owned leaf and `".": {}` an owned node that also has owned children (a list item, a map the manager created).
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/#System
 */
export function encodeFieldsV1(set: FieldSet): JsonObject {
  const root: Node = { member: false, children: new Map() };
  for (const key of set) {
    let node = root;
    for (const token of tokensOf(key)) {
      let child = node.children.get(token);
      if (!child) {
        child = { member: false, children: new Map() };
        node.children.set(token, child);
      }
      node = child;
    }
    node.member = true;
  }
  return encodeNode(root);
}

function encodeNode(node: Node): JsonObject {
  const out: JsonObject = {};
  if (node.member && node.children.size > 0) out['.'] = {};
  for (const token of [...node.children.keys()].sort()) out[token] = encodeNode(node.children.get(token) as Node);
  return out;
}

/** The field set of a `fieldsV1` tree; anything malformed in it is skipped. */
export function decodeFieldsV1(fields: unknown): Set<string> {
  const set = new Set<string>();
  const walk = (node: JsonObject, prefix: string[]) => {
    for (const [token, child] of Object.entries(node)) {
      if (token === '.') {
        if (prefix.length > 0) set.add(pathKey(prefix));
        continue;
      }
      if (!isJsonObject(child)) continue;
      const path = [...prefix, token];
      if (Object.keys(child).length === 0) set.add(pathKey(path));
      else walk(child, path);
    }
  };
  if (isJsonObject(fields)) walk(fields, []);
  return set;
}

/** Paths in `a` or `b`. */
export function union(...sets: FieldSet[]): Set<string> {
  const out = new Set<string>();
  for (const set of sets) for (const key of set) out.add(key);
  return out;
}

/** Paths in `a` and not in any of `others`. */
export function difference(a: FieldSet, ...others: FieldSet[]): Set<string> {
  return new Set([...a].filter((key) => !others.some((o) => o.has(key))));
}

/** Paths in both `a` and `b`. */
export function intersection(a: FieldSet, b: FieldSet): Set<string> {
  return new Set([...a].filter((key) => b.has(key)));
}

/** The path keys of the proper ancestors of a path, nearest first. */
export function ancestorKeys(tokens: FieldTokens): string[] {
  const out: string[] = [];
  for (let i = tokens.length - 1; i > 0; i--) out.push(pathKey(tokens.slice(0, i)));
  return out;
}
