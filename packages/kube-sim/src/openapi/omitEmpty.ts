import type { SchemaNode } from './schemaNodes.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Drops, in place, the empty lists and maps of optional fields, as the API server's JSON does: the Go types tag
 * them `omitempty`, so `"subsets": []`, `"labels": {}` or `"finalizers": []` never reach a client (and an object read
 * back from storage has none). Required fields and empty structs (`emptyDir: {}`, `securityContext: {}`) stay;
 * fields the schema does not know, and `any` subtrees (custom resources, raw extensions), are left as they are.
 * Returns `value` for chaining.
 * @see https://pkg.go.dev/encoding/json#Marshal
 */
export function omitEmpty<T>(value: T, node: SchemaNode): T {
  if (node.kind === 'array' && Array.isArray(value)) {
    for (const item of value) omitEmpty(item, node.items);
  } else if (node.kind === 'map' && isObject(value)) {
    for (const item of Object.values(value)) omitEmpty(item, node.values);
  } else if (node.kind === 'object' && isObject(value)) {
    const fields = node.fields();
    const required = new Set(node.required ?? []);
    for (const [key, child] of Object.entries(value)) {
      const field = fields[key];
      if (!field) continue;
      const empty =
        (field.kind === 'array' && Array.isArray(child) && child.length === 0) ||
        (field.kind === 'map' && isObject(child) && Object.keys(child).length === 0);
      if (empty && !required.has(key)) delete value[key];
      else omitEmpty(child, field);
    }
  }
  return value;
}
