import { createSampleStore, packedSeries, pushSample } from './packedSamples.js';
import type { PromQueryData } from './prometheusResponse.js';

type Labels = Record<string, string>;
type Matrix = Extract<PromQueryData, { resultType: 'matrix' }>;

const PREFIX = '{"status":"success","data":{"resultType":"matrix","result":[';
const SERIES_HEAD = '{"metric":';
const VALUES_HEAD = ',"values":[';
const QUOTE = 34;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const BACKSLASH = 92;
const ZERO = 48;
const NINE = 57;

/**
 * Reads a successful range-query answer exactly as Prometheus writes it (`{"status":"success","data":{"resultType":
 * "matrix","result":[{"metric":{…},"values":[[t,"v"],…]},…]}…}`, no whitespace) in one pass over the text: only the
 * label sets go through `JSON.parse`; samples are checked in place and kept packed, made into `[t, "v"]` pairs only
 * when read (see packedSamples). A 1-hour range over thousands of series is a million samples, and the generic
 * parser plus a separate shape check spent most of a federated query's time on them. Returns the data and warnings `JSON.parse` plus `readQueryData` would give, or `undefined` for anything else
 * (another result type, an error, whitespace, another key order, an escape inside a sample): the caller then takes
 * the generic path, so results never depend on which path read them.
 * @see https://prometheus.io/docs/prometheus/latest/querying/api/#range-vectors
 */
export function readMatrixAnswer(text: string): { data: Matrix; warnings: string[] } | undefined {
  if (!text.startsWith(PREFIX)) return undefined;
  const result: Matrix['result'] = [];
  // Samples stay where they are: timestamps read into a Float64Array, values as their place in the text, all series
  // of the answer in one store; each series makes its `[t, "v"]` pairs when first read (see packedSamples).
  const store = createSampleStore(text);
  let i = PREFIX.length;
  const n = text.length;
  if (text.charCodeAt(i) !== CLOSE_BRACKET) {
    for (;;) {
      if (!text.startsWith(SERIES_HEAD, i)) return undefined;
      i += SERIES_HEAD.length;
      const metricEnd = endOfFlatObject(text, i);
      if (metricEnd < 0) return undefined;
      let metric: unknown;
      try {
        metric = JSON.parse(text.slice(i, metricEnd));
      } catch {
        return undefined;
      }
      if (!isLabels(metric)) return undefined;
      i = metricEnd;
      if (!text.startsWith(VALUES_HEAD, i)) return undefined;
      i += VALUES_HEAD.length;
      const from = store.length;
      if (text.charCodeAt(i) === CLOSE_BRACKET) i++;
      else {
        for (;;) {
          if (text.charCodeAt(i) !== OPEN_BRACKET) return undefined;
          const numberEnd = text.indexOf(',', i + 1);
          if (numberEnd < 0) return undefined;
          const t = readNumber(text, i + 1, numberEnd);
          if (t === undefined || text.charCodeAt(numberEnd + 1) !== QUOTE) return undefined;
          // The value: up to the closing quote, with no escape (JSON.parse would unescape it).
          const valueStart = numberEnd + 2;
          let valueEnd = valueStart;
          for (;;) {
            if (valueEnd >= n) return undefined;
            const c = text.charCodeAt(valueEnd);
            if (c === QUOTE) break;
            if (c === BACKSLASH || c < 32) return undefined;
            valueEnd++;
          }
          if (text.charCodeAt(valueEnd + 1) !== CLOSE_BRACKET) return undefined;
          pushSample(store, t, valueStart, valueEnd);
          i = valueEnd + 2;
          const next = text.charCodeAt(i++);
          if (next === CLOSE_BRACKET) break;
          if (next !== COMMA) return undefined;
        }
      }
      if (text.charCodeAt(i++) !== CLOSE_BRACE) return undefined;
      result.push(packedSeries(metric, store, from, store.length - from));
      const next = text.charCodeAt(i++);
      if (next === CLOSE_BRACKET) break;
      if (next !== COMMA || i >= n) return undefined;
    }
  } else i++;
  // After the result: the data object closes, then the envelope closes or carries warnings and infos.
  if (text.charCodeAt(i++) !== CLOSE_BRACE) return undefined;
  let tail: { warnings?: unknown; infos?: unknown } = {};
  if (text.charCodeAt(i) === COMMA) {
    try {
      tail = JSON.parse(`{${text.slice(i + 1)}`) as typeof tail;
    } catch {
      return undefined;
    }
  } else if (i !== n - 1 || text.charCodeAt(i) !== CLOSE_BRACE) return undefined;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (tail.warnings !== undefined && !strings(tail.warnings)) return undefined;
  if (tail.infos !== undefined && !strings(tail.infos)) return undefined;
  return { data: { resultType: 'matrix', result }, warnings: (tail.warnings as string[] | undefined) ?? [] };
}

/** The index just past the `}` closing the object of string values that starts at `start`, or -1. */
function endOfFlatObject(text: string, start: number): number {
  if (text.charCodeAt(start) !== OPEN_BRACE) return -1;
  let i = start + 1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === CLOSE_BRACE) return i + 1;
    if (c === QUOTE) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i += 2;
        else if (d === QUOTE) break;
        else i++;
      }
      i++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) return -1;
    else i++;
  }
  return -1;
}

/** A JSON number in `text[start, end)`: whole seconds read digit by digit, anything else as `Number` reads it. */
function readNumber(text: string, start: number, end: number): number | undefined {
  if (end - start > 0 && end - start <= 15 && (text.charCodeAt(start) !== ZERO || end - start === 1)) {
    let v = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      v = v * 10 + (c - ZERO);
    }
    if (i === end) return v;
  }
  const slice = text.slice(start, end);
  // JSON numbers only: Number() would also take hex, empty strings and Infinity.
  if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(slice)) return undefined;
  return Number(slice);
}

function isLabels(v: unknown): v is Labels {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const key in v) if (typeof (v as Labels)[key] !== 'string') return false;
  return true;
}
