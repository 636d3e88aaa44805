import { packedSpan } from './packedSamples.js';

/**
 * Whether `value` has the `{ metric, values }` shape of a series as answers carry it (seed 003 §3.3): `metric` an
 * object of string labels and `values` an array of samples, or still packed (see packedSamples). Checked without
 * reading a packed series' `values`, which would make its `[t, "v"]` pairs: an output check (the server's response
 * schema) that walked or copied them cost as much as making every pair of a 1.2-million-sample answer. The samples
 * themselves were checked when Prometheus or the sampler answered.
 */
export function isAnsweredSeries(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { metric } = value as { metric?: unknown };
  if (metric === null || typeof metric !== 'object' || Array.isArray(metric)) return false;
  for (const label in metric) if (typeof (metric as Record<string, unknown>)[label] !== 'string') return false;
  if (packedSpan(value) !== undefined) return true;
  return Array.isArray((value as { values?: unknown }).values);
}
