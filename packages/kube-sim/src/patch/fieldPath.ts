import { isJsonObject, type JsonObject, type JsonValue, stableStringify } from './json.js';
import type { ListStrategy } from './patchSchema.js';
import { applyListType } from './patchSchema.js';

/**
 * A field path of server-side apply as a list of `fieldsV1` tokens: `f:<field>` for a map field, `k:<json>` for
 * an item of a keyed list (keys sorted: `k:{"containerPort":80,"protocol":"TCP"}`), `v:<json>` for a value of a set.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
 */
export type FieldTokens = readonly string[];

/** The key of a path in a field set: one string per path, the same for the same tokens. */
export function pathKey(tokens: FieldTokens): string {
  return JSON.stringify(tokens);
}

/** The tokens of a path key made by {@link pathKey}. */
export function tokensOf(key: string): string[] {
  return JSON.parse(key) as string[];
}

/** The token of a map field. */
export function fieldToken(name: string): string {
  return `f:${name}`;
}

/**
 * The token of an item of a `map` or `set` list under server-side apply, or undefined when a `map` item lacks one of
 * its keys (and the key has no default).
 */
export function itemToken(item: JsonValue, strategy: ListStrategy): string | undefined {
  const { type, keys } = applyListType(strategy);
  if (type === 'set') return `v:${stableStringify(item)}`;
  if (!isJsonObject(item)) return undefined;
  const key: JsonObject = {};
  for (const name of [...keys].sort()) {
    const value = item[name] ?? strategy.keyDefaults?.[name];
    if (value === undefined || value === null) return undefined;
    key[name] = value;
  }
  return `k:${stableStringify(key)}`;
}

/** Whether a list item matches a `k:`/`v:` token, applying key defaults. */
export function itemMatches(item: JsonValue, token: string, strategy: ListStrategy): boolean {
  return itemToken(item, strategy) === token;
}

/**
 * A path as the API server prints it in a conflict: `.spec.replicas`,
 * `.spec.template.spec.containers[name="app"].image`, `.metadata.finalizers[="example.com/x"]`.
 */
export function formatPath(tokens: FieldTokens): string {
  return tokens
    .map((token) => {
      const body = token.slice(2);
      if (token.startsWith('f:')) return `.${body}`;
      if (token.startsWith('v:')) return `[=${body}]`;
      if (token.startsWith('i:')) return `[${body}]`;
      const key = JSON.parse(body) as JsonObject;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : stableStringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}
