import { InputError } from '@opspilot/core';
import { keyValues } from './matcher.js';

const VALUE = String.raw`("[^"\n]*"|'[^'\n]*'|[^\s,;"']+)`;
/** `with key K value V` (also `key K and value V`). */
const KEY_VALUE_WORDS = new RegExp(String.raw`\bkey\s+([A-Za-z0-9_.-]{1,253})\s+(?:and\s+)?value\s+${VALUE}`, 'gi');
/** `with password P`, `username U and password P`, `token T`, `api key K` (`is`/`of`/`as` allowed before the value). */
const NAMED_VALUE = new RegExp(
  String.raw`\b(username|user|password|passwd|pwd|pw|token|api[ _-]?key|apikey)\s+(?:is\s+|of\s+|as\s+)?${VALUE}`,
  'gi',
);
const KEY_OF: Record<string, string> = { user: 'username', passwd: 'password', pwd: 'password', pw: 'password' };
const unquote = (value: string) => value.replace(/^(["'])(.*)\1$/, '$2');

/**
 * The values of a Secret or ConfigMap to create, read from the rest of the request: `KEY=value` pairs,
 * `with key K value V`, and the named values `with password P`, `with username U and password P`, `token T`,
 * `api key K` (keys `password`, `username`, `token`, `api-key`). A request that says something after the name but
 * yields no value is refused with an InputError rather than planned as an empty object; the message never repeats
 * what was written.
 */
export function dataValues(kind: 'Secret' | 'ConfigMap', name: string, rest: string): Record<string, string> {
  const out: Record<string, string> = { ...keyValues(rest) };
  for (const m of rest.matchAll(KEY_VALUE_WORDS)) if (m[1] && m[2]) out[m[1]] = unquote(m[2]);
  for (const m of rest.matchAll(NAMED_VALUE)) {
    const word = (m[1] ?? '').toLowerCase();
    if (!m[2] || /^(?:and|with|value)$/i.test(m[2])) continue;
    const key = /^api|apikey/.test(word) ? 'api-key' : (KEY_OF[word] ?? word);
    out[key] ??= unquote(m[2]);
  }
  if (Object.keys(out).length === 0 && rest.trim() !== '') {
    throw new InputError(`could not read the values of ${kind} ${name} from the request`, {
      hint: 'write them as KEY=value (password=…), "with password …", "with username … and password …" or "with key K value V"',
    });
  }
  return out;
}
