import { parseQuantity } from '../controllers/quantity.js';

/**
 * The pod annotation that gives a workload a daily usage pattern instead of its image's steady profile, e.g.
 * `{"cpu":["50m","200m"],"memory":["150Mi","220Mi"],"peakHour":14}`: CPU and memory follow a cosine between their
 * low and high values, highest at `peakHour` (UTC) and lowest twelve hours later. `rps` overrides the requests per
 * second the pod serves (0 for an idle workload). Put it on the pod template so every replica has it.
 */
export const USAGE_PROFILE_ANNOTATION = 'sim.opspilot.dev/usage';

/** A parsed {@link USAGE_PROFILE_ANNOTATION}: millicores and MiB. */
export interface UsageProfile {
  cpu: [number, number];
  memoryMi: [number, number];
  peakHour: number;
  rps?: number;
}

const DAY_S = 86_400;
const OMEGA = (2 * Math.PI) / DAY_S;

function pair(value: unknown, scale: number): [number, number] | undefined {
  const list = Array.isArray(value) ? value : [value, value];
  const [lo, hi] = list.map((v) => parseQuantity(v));
  if (lo === undefined || hi === undefined || lo < 0 || hi < lo) return undefined;
  return [lo * scale, hi * scale];
}

/** The profile of a pod's annotations, or undefined when it has none (or it does not parse). */
export function usageProfileOf(annotations: Record<string, string> | undefined): UsageProfile | undefined {
  const raw = annotations?.[USAGE_PROFILE_ANNOTATION];
  if (!raw) return undefined;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const cpu = pair(json.cpu ?? '0', 1000);
  const memoryMi = pair(json.memory ?? '0', 1 / 2 ** 20);
  if (!cpu || !memoryMi) return undefined;
  const peakHour = typeof json.peakHour === 'number' ? json.peakHour : 14;
  return { cpu, memoryMi, peakHour, ...(typeof json.rps === 'number' && json.rps >= 0 ? { rps: json.rps } : {}) };
}

/** The daily pattern between `lo` and `hi` at unix second `t`: `hi` at the peak hour, `lo` twelve hours away. */
export function dailyValue([lo, hi]: [number, number], peakHour: number, t: number): number {
  return lo + (hi - lo) * (0.5 + 0.5 * Math.cos(OMEGA * t - (2 * Math.PI * peakHour) / 24));
}

/** The integral of {@link dailyValue} from unix second `t0` to `t1` (value × seconds). */
export function dailyIntegral([lo, hi]: [number, number], peakHour: number, t0: number, t1: number): number {
  const phase = (2 * Math.PI * peakHour) / 24;
  const wave = (Math.sin(OMEGA * t1 - phase) - Math.sin(OMEGA * t0 - phase)) / OMEGA;
  return lo * (t1 - t0) + (hi - lo) * (0.5 * (t1 - t0) + 0.5 * wave);
}
