import { isSecretKey } from './secretKeys.js';
import { REDACTED, redactText } from './secretShapes.js';

/** Written by client-side `kubectl apply`: the whole manifest as JSON, values included. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * A deep copy with secrets removed, for anything that leaves for a model or a record: a Secret's `data` and
 * `stringData` values (keys kept), string values under secret-named keys ({@link isSecretKey}), the `value` of env
 * entries whose `name` is secret-named (`DB_PASSWORD`), the last-applied-configuration annotation parsed and redacted
 * the same way (so the Secret it repeats loses its values), `managedFields` entries (whose `v:`/`k:` keys can repeat
 * values) and every other string through {@link redactText}. Keys are kept, numbers and booleans too.
 * @example
 * redact({ kind: 'Secret', data: { password: 'aHVudGVyMg==' } }); // { kind: 'Secret', data: { password: '[REDACTED]' } }
 */
export function redact<T>(value: T, marker: string = REDACTED): T {
  return walk(value, undefined, marker) as T;
}

function walk(value: unknown, key: string | undefined, marker: string): unknown {
  if (typeof value === 'string') {
    if (key === LAST_APPLIED) return redactJson(value, marker);
    return key !== undefined && isSecretKey(key) ? marker : redactText(value, marker);
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, undefined, marker));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as Record<string, unknown>;
  const isSecret = object.kind === 'Secret';
  const secretEnv = typeof object.name === 'string' && isSecretKey(object.name);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) {
    if (isSecret && (k === 'data' || k === 'stringData') && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.keys(v).map((name) => [name, marker]));
    } else if (secretEnv && k === 'value') {
      out[k] = marker;
    } else if (k === 'managedFields') {
      out[k] = walkKeys(v, marker);
    } else {
      out[k] = walk(v, k, marker);
    }
  }
  return out;
}

/** A JSON document in a string (the last-applied annotation) redacted as an object; text that is no JSON, as text. */
function redactJson(text: string, marker: string): string {
  try {
    return JSON.stringify(walk(JSON.parse(text) as unknown, undefined, marker));
  } catch {
    return redactText(text, marker);
  }
}

/** Server-side apply field sets: their keys (`v:"--password=x"`, `k:{"name":"X","value":"y"}`) can carry values. */
function walkKeys(value: unknown, marker: string): unknown {
  if (Array.isArray(value)) return value.map((v) => walkKeys(v, marker));
  if (typeof value !== 'object' || value === null) return walk(value, undefined, marker);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      /^[kv]:/.test(k) ? `${k.slice(0, 2)}${redactJson(k.slice(2), marker)}` : redactText(k, marker),
      walkKeys(v, marker),
    ]),
  );
}
