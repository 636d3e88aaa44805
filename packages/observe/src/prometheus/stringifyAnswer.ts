import { packedSpan, type SampleStore } from './packedSamples.js';

/**
 * `JSON.stringify(value)`, byte for byte, with the samples of still-packed series (see packedSamples) written straight
 * from the answer's text instead of as 1.2 million `[t, "v"]` pairs made first: a series' `"values":[…]` is, where
 * Prometheus wrote it as JavaScript writes it (checked pair by pair, without making any), one slice of that text, and
 * otherwise written pair by pair from the packed timestamps and value slices. Everything else is JSON.stringify's.
 */
export function stringifyAnswer(value: unknown): string {
  const written: string[] = [];
  // A mark that no string of the answer holds: JSON writes U+0000 as an escape, and the nonce differs per call.
  const mark = `\u0000packed-${Math.random().toString(36).slice(2)}-`;
  const json = JSON.stringify(value, (_key: string, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const series = seriesJson(v);
    if (series === undefined) return v;
    written.push(series);
    return mark + (written.length - 1);
  });
  if (written.length === 0) return json;
  const quotedMark = JSON.stringify(mark).slice(0, -1);
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const found = json.indexOf(quotedMark, at);
    if (found < 0) break;
    const close = json.indexOf('"', found + quotedMark.length);
    parts.push(json.slice(at, found), written[Number(json.slice(found + quotedMark.length, close))]!);
    at = close + 1;
  }
  parts.push(json.slice(at));
  return parts.join('');
}

/** The JSON of a still-packed `{ metric, values }` series, or undefined for anything else. */
function seriesJson(v: object): string | undefined {
  const span = packedSpan(v);
  if (!span) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 2 || keys[0] !== 'metric' || keys[1] !== 'values') return undefined;
  const metric = JSON.stringify((v as { metric: unknown }).metric);
  return `{"metric":${metric},"values":[${samplesJson(span.store, span.from, span.count)}]}`;
}

/** Strings of the answer's timestamps, made once each (a range answer's series share one grid). */
const timeTexts = new WeakMap<SampleStore, Map<number, string>>();
/** Whether a store's text holds a lone surrogate, which JSON.stringify would escape in a value. */
const loneSurrogates = new WeakMap<SampleStore, boolean>();

function timeText(texts: Map<number, string>, t: number): string {
  let s = texts.get(t);
  if (s === undefined) {
    s = JSON.stringify(t);
    texts.set(t, s);
  }
  return s;
}

/** The pairs of samples `from` to `from + count` of a store, as JSON.stringify writes them, without the brackets. */
function samplesJson(store: SampleStore, from: number, count: number): string {
  if (count === 0) return '';
  const { text, times, bounds } = store;
  let texts = timeTexts.get(store);
  if (!texts) {
    texts = new Map();
    timeTexts.set(store, texts);
  }
  let lone = loneSurrogates.get(store);
  if (lone === undefined) {
    lone = /\p{Surrogate}/u.test(text);
    loneSurrogates.set(store, lone);
  }
  if (!lone) {
    // As written: `[` time `,"` value `"]`, pairs joined by `,`, each time written as JavaScript writes it.
    const first = bounds[2 * from]! - 3 - timeText(texts, times[from]!).length;
    let verbatim = first >= 0 && text.charCodeAt(first) === 91; // [
    for (let k = 0; verbatim && k < count; k++) {
      const j = from + k;
      const start = bounds[2 * j]!;
      const t = timeText(texts, times[j]!);
      const open = start - 3 - t.length;
      verbatim =
        (k === 0 || open === bounds[2 * j - 1]! + 3) &&
        text.charCodeAt(open) === 91 &&
        text.startsWith(t, open + 1) &&
        text.charCodeAt(start - 2) === 44 && // ,
        text.charCodeAt(start - 1) === 34 && // "
        text.charCodeAt(bounds[2 * j + 1]!) === 34 &&
        text.charCodeAt(bounds[2 * j + 1]! + 1) === 93 && // ]
        (k === count - 1 || text.charCodeAt(bounds[2 * j + 1]! + 2) === 44);
    }
    if (verbatim) return text.slice(first, bounds[2 * (from + count - 1) + 1]! + 2);
  }
  const pairs: string[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const j = from + k;
    const value = text.slice(bounds[2 * j]!, bounds[2 * j + 1]!);
    pairs[k] = `[${timeText(texts, times[j]!)},${JSON.stringify(value)}]`;
  }
  return pairs.join(',');
}
