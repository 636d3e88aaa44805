import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

/**
 * The reference tokens of a JSON pointer (RFC 6901): `""` is the whole document, `/a~1b/0` is `["a/b", "0"]`.
 * Returns undefined for a pointer that does not start with `/` or has a `~` not followed by `0` or `1`.
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/');
  if (tokens.some((t) => /~(?![01])/.test(t))) return undefined;
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A pointer for the given tokens, escaping `~` and `/`. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The index an array token names (`0`, `12`; no sign, no leading zero), or undefined. */
export function arrayIndex(token: string): number | undefined {
  return /^(0|[1-9][0-9]*)$/.test(token) ? Number(token) : undefined;
}

/** The container (object or array) the tokens lead to, or undefined when some step is missing or a scalar. */
export function resolveContainer(doc: JsonValue, tokens: readonly string[]): JsonObject | JsonValue[] | undefined {
  let current: JsonValue | undefined = doc;
  for (const token of tokens) {
    current = childOf(current, token);
    if (current === undefined) return undefined;
  }
  return Array.isArray(current) || isJsonObject(current) ? current : undefined;
}

/** The member or element a token names inside a value, or undefined. */
export function childOf(value: JsonValue | undefined, token: string): JsonValue | undefined {
  if (Array.isArray(value)) {
    const index = arrayIndex(token);
    return index === undefined ? undefined : value[index];
  }
  if (isJsonObject(value) && Object.hasOwn(value, token)) return value[token];
  return undefined;
}
