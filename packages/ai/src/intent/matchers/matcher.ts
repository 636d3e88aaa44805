import type { CleanRequest } from '../cleanRequest.js';

/**
 * One family of phrasings: returns the raw intent (validated by the caller with the `Intent` schema) or undefined
 * when the text is not of this family. `text` is the cleaned request, original case kept.
 */
export type Matcher = (text: string, request: CleanRequest) => Record<string, unknown> | undefined;

/** `KEY=value` pairs in a phrase (`LOG_LEVEL=debug, MODE="fast mode" and X=1`), quotes removed. */
export function keyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_./-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s,]+)/g)) {
    const key = m[1];
    const raw = m[2] ?? '';
    if (key) out[key] = raw.replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** The alternation matching one or more `KEY=value` pairs separated by commas, spaces or `and`. */
export const KV_LIST = String.raw`((?:[A-Za-z_][A-Za-z0-9_.\/-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s,]+)(?:\s*,\s*|\s+and\s+|\s+)?)+)`;
