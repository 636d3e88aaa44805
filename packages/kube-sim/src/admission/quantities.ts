import { parseQuantity } from '../controllers/quantity.js';

/** A resource list (`{ cpu: '500m', memory: '1Gi' }`) as numbers of base units; malformed entries are skipped. */
export function parseResourceList(list: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (list === null || typeof list !== 'object') return out;
  for (const [key, value] of Object.entries(list)) {
    const n = parseQuantity(value);
    if (n !== undefined) out[key] = n;
  }
  return out;
}

const BINARY: [string, number][] = [
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];
const DECIMAL: [string, number][] = [
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];

/**
 * A quantity in the canonical form the API server prints: CPU as whole cores or millicores (`2`, `500m`); memory
 * and storage with the largest binary (or else decimal) suffix that divides them exactly (`1Gi`, `512Mi`, `1G`);
 * counts (`pods`, `count/deployments.apps`, …) as integers.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
export function formatQuantity(value: number, resource: string): string {
  const milli = Math.round(value * 1000);
  if (/(^|\.)cpu$/.test(resource) || milli % 1000 !== 0) {
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  const whole = milli / 1000;
  if (whole === 0 || !/memory|storage/.test(resource)) return String(whole);
  for (const [suffix, size] of [...BINARY, ...DECIMAL]) {
    if (whole % size === 0) return `${whole / size}${suffix}`;
  }
  return String(whole);
}
