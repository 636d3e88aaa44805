import { InputError } from '@opspilot/core';
import { z } from 'zod';

/** How deeply JSON input (bodies, tRPC inputs, query strings) may nest; deeper input is refused with 400. */
export const MAX_JSON_DEPTH = 64;

const NUL = '\u0000';

/** Whether JSON text nests arrays and objects deeper than `max`, found in one pass without parsing it. */
export function jsonTextTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * Walks a parsed value without recursion and reports the first problem: nesting deeper than `max`, or a NUL
 * character in a string or a key (PostgreSQL refuses it in text, SQLite would store a truncating value).
 */
function firstProblem(value: unknown, max: number): { path: (string | number)[]; message: string } | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() as (typeof stack)[number];
    if (typeof v === 'string') {
      if (v.includes(NUL)) return { path, message: 'must not contain a NUL character (\\u0000)' };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (path.length >= max) return { path, message: `nests deeper than ${max} levels` };
    for (const [key, child] of Object.entries(v)) {
      if (key.includes(NUL)) return { path, message: 'has a key containing a NUL character (\\u0000)' };
      stack.push({ value: child, path: [...path, Array.isArray(v) ? Number(key) : key] });
    }
  }
  return undefined;
}

/**
 * Any JSON input that may reach the store: nested at most {@link MAX_JSON_DEPTH} levels, no NUL character in any
 * string or key. Applied to every request body and query string and to every tRPC input, before the procedure's own
 * schema (whose recursion it bounds).
 */
export const SafeJsonInput = z.unknown().superRefine((value, ctx) => {
  const problem = firstProblem(value, MAX_JSON_DEPTH);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});

/** Throws the `InputError` of input that is not {@link SafeJsonInput}, naming `where` (body, query, input). */
export function assertSafeJsonInput(value: unknown, where: string): void {
  const parsed = SafeJsonInput.safeParse(value);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const segments = issue?.path.map(String) ?? [];
  const path = segments.length === 0 ? '(root)' : `${segments.slice(0, 6).join('.')}${segments.length > 6 ? '.…' : ''}`;
  throw new InputError(`invalid ${where}: ${path}: ${issue?.message}`, {
    hint: `send JSON nested at most ${MAX_JSON_DEPTH} levels, without NUL characters`,
    details: { issues: [{ path: [where, ...segments.slice(0, 6)], message: issue?.message }] },
  });
}

/** Throws the `InputError` of JSON text nested deeper than {@link MAX_JSON_DEPTH}. */
export function assertJsonTextDepth(text: string, where: string): void {
  if (!jsonTextTooDeep(text)) return;
  throw new InputError(`invalid ${where}: JSON nests deeper than ${MAX_JSON_DEPTH} levels`, {
    hint: `send JSON nested at most ${MAX_JSON_DEPTH} levels`,
  });
}
