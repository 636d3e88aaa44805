import type { PromQueryData } from './prometheusResponse.js';

type Labels = Record<string, string>;

const isLabels = (v: unknown): v is Labels =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

const isSample = (v: unknown): v is [number, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string';

/**
 * Checks the `data` of a query answer by hand rather than with a schema: a 1-hour range over thousands of series is
 * a million samples, which a generic validator takes seconds over. Same rules as `PromQueryData`; returns the data
 * or the path of the first thing wrong.
 * @see https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats
 */
export function readQueryData(data: unknown): { ok: true; data: PromQueryData } | { ok: false; where: string } {
  if (typeof data !== 'object' || data === null) return { ok: false, where: 'data' };
  const { resultType, result } = data as { resultType?: unknown; result?: unknown };
  if (resultType === 'scalar' || resultType === 'string') {
    return isSample(result) ? { ok: true, data: { resultType, result } } : { ok: false, where: 'data.result' };
  }
  if (resultType !== 'matrix' && resultType !== 'vector') return { ok: false, where: 'data.resultType' };
  if (!Array.isArray(result)) return { ok: false, where: 'data.result' };
  for (let i = 0; i < result.length; i++) {
    const s = result[i] as { metric?: unknown; values?: unknown; value?: unknown };
    if (typeof s !== 'object' || s === null || !isLabels(s.metric))
      return { ok: false, where: `data.result[${i}].metric` };
    if (resultType === 'vector') {
      if (!isSample(s.value)) return { ok: false, where: `data.result[${i}].value` };
      continue;
    }
    if (s.values === undefined) s.values = [];
    const values = s.values;
    if (!Array.isArray(values)) return { ok: false, where: `data.result[${i}].values` };
    for (let j = 0; j < values.length; j++) {
      if (!isSample(values[j])) return { ok: false, where: `data.result[${i}].values[${j}]` };
    }
  }
  return { ok: true, data: data as PromQueryData };
}
