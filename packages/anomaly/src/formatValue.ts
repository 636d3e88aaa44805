import type { SignalUnit } from './anomalySignals.js';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

function round(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 100) return v.toFixed(0);
  if (a < 0.01) return String(Number(v.toPrecision(2)));
  return String(Number(v.toFixed(a >= 10 ? 1 : 2)));
}

/** A value as people read it in `unit`: "512 MiB", "0.25 cores", "12.5%", "350 ms", "4.2/s". */
export function formatValue(value: number, unit: SignalUnit): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'bytes': {
      let v = value;
      let i = 0;
      while (Math.abs(v) >= 1024 && i < BYTE_UNITS.length - 1) {
        v /= 1024;
        i++;
      }
      return `${round(v)} ${BYTE_UNITS[i]}`;
    }
    case 'cores':
      return Math.abs(value) < 1 ? `${round(value * 1000)}m cores` : `${round(value)} cores`;
    case 'ratio':
      return `${round(value * 100)}%`;
    case 'percent':
      return `${round(value)}%`;
    case 'seconds':
      return Math.abs(value) < 1 ? `${round(value * 1000)} ms` : `${round(value)} s`;
    case 'per_second':
      return `${round(value)}/s`;
    case 'celsius':
      return `${round(value)} °C`;
    default:
      return round(value);
  }
}
