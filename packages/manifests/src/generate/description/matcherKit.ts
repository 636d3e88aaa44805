import type { DescriptionField, DescriptionFields } from './descriptionFields.js';
import type { Token } from './tokenize.js';

/** Collects fields while matching; `set` reports a field set twice. */
export interface FieldSink {
  set<K extends DescriptionField>(field: K, value: DescriptionFields[K], text: string): void;
  has(field: DescriptionField): boolean;
}

/** Tries to read something at `tokens[i]`; returns how many tokens it used (0: no match). */
export type Matcher = (tokens: readonly Token[], i: number, sink: FieldSink) => number;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A container image reference (registry, path, tag, digest). */
export const IMAGE =
  /^[a-z0-9][a-z0-9._-]*(?::\d+)?(?:\/[a-z0-9][a-z0-9._-]*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
/** A DNS host name with a top-level domain, optionally a wildcard. */
export const HOSTNAME = /^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,63}$/;
/** `KEY=value`. */
export const ENV_PAIR = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/;
/** `70%`. */
export const PERCENT = /^(\d{1,3})%$/;
/** A whole number. */
export const INT = /^\d+$/;

/** The lower-case token at `i` (empty past the end). */
export const lower = (t: readonly Token[], i: number) => t[i]?.lower ?? '';
/** The token at `i` as written (empty past the end). */
export const text = (t: readonly Token[], i: number) => t[i]?.text ?? '';
/** The `n` tokens from `i` as written, for issue messages. */
export const span = (t: readonly Token[], i: number, n: number) =>
  t
    .slice(i, i + n)
    .map((x) => (x.quoted ? `"${x.text}"` : x.text))
    .join(' ');
/** True when the token at `i` is a whole number. */
export const isInt = (t: readonly Token[], i: number) => INT.test(lower(t, i));

/** True when a token looks like a container image reference (has a tag or a registry/repository path). */
export function looksLikeImage(word: string): boolean {
  return !word.includes('://') && !word.startsWith('/') && /[:/]/.test(word) && IMAGE.test(word);
}

/** True when a token is a DNS-1123 label, the shape of most Kubernetes names. */
export function isDnsLabel(word: string): boolean {
  return word.length <= 63 && DNS_LABEL.test(word);
}

/** A matcher for `<keyword> <value>` setting `field` when `accept(value)`. */
export const keyword =
  (words: readonly string[], field: DescriptionField, accept: (w: string) => boolean = isDnsLabel): Matcher =>
  (t, i, sink) => {
    if (!words.includes(lower(t, i)) || !accept(text(t, i + 1))) return 0;
    sink.set(field, text(t, i + 1) as never, span(t, i, 2));
    return 2;
  };
