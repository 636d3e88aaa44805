import { pathKey } from './fieldPath.js';
import { allPaths, childrenOf, type FieldChild } from './fieldTree.js';
import { isJsonObject, type JsonValue, jsonEqual } from './json.js';
import type { PatchSchema } from './patchSchema.js';

/** What changed between two versions of an object, as field sets. */
export interface FieldComparison {
  /** Nodes (leaves, items and maps) present only after. */
  added: Set<string>;
  /** Leaves whose value changed. */
  modified: Set<string>;
  /** Nodes present only before. */
  removed: Set<string>;
}

const sameShape = (a: JsonValue, b: JsonValue) =>
  Array.isArray(a) === Array.isArray(b) && isJsonObject(a) === isJsonObject(b);

/**
 * Compares two versions of an object field by field, walking maps and keyed lists by key so that a reordered list is
 * not a change. This is what decides which fields an update takes over and which fields of an apply conflict.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
 */
export function compareFields(before: JsonValue, after: JsonValue, schema: PatchSchema): FieldComparison {
  const result: FieldComparison = { added: new Set(), modified: new Set(), removed: new Set() };
  const visit = (l: JsonValue | undefined, r: JsonValue | undefined, tokens: string[], schemaPath: string[]) => {
    if (l === undefined && r === undefined) return;
    if (l === undefined) return allPaths(r as JsonValue, tokens, schemaPath, schema, result.added);
    if (r === undefined) return allPaths(l, tokens, schemaPath, schema, result.removed);
    const lc = childrenOf(l, schemaPath, schema);
    const rc = childrenOf(r, schemaPath, schema);
    const bothEmpty = lc?.length === 0 && rc?.length === 0;
    if (lc && rc && sameShape(l, r) && !bothEmpty) {
      const left = byToken(lc);
      const right = byToken(rc);
      for (const token of new Set([...left.keys(), ...right.keys()])) {
        const child = (left.get(token) ?? right.get(token)) as FieldChild;
        visit(left.get(token)?.value, right.get(token)?.value, [...tokens, token], [...schemaPath, child.step]);
      }
    } else if (!jsonEqual(l, r) && tokens.length > 0) result.modified.add(pathKey(tokens));
  };
  visit(before, after, [], []);
  return result;
}

function byToken(children: FieldChild[]): Map<string, FieldChild> {
  return new Map(children.map((child) => [child.token, child]));
}
