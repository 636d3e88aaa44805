/** Extra room above the observed peak, so normal variation does not hit the limit again. */
export const HEADROOM = 0.3;
/**
 * Room above the need the kernel reported for a killed process: `total-vm` counts every page it mapped, more than it
 * touches, so less is added than to a sampled peak (which misses the spike the kill cut short).
 */
export const KILL_HEADROOM = 0.1;
const MI = 2 ** 20;
/** Limits are rounded up to a multiple of this, so the number reads as a person would write it. */
const STEP = 64 * MI;

/** How a new memory limit was arrived at, for the evidence. */
export interface MemoryLimitChoice {
  bytes: number;
  reason: string;
}

/**
 * The memory limit to set after an OOM kill, from the observed peak with {@link HEADROOM}: the peak plus headroom when
 * the peak was seen below the limit (a spike the kill cut short is not in the metrics, so at least a quarter more than
 * the old limit); twice the old limit when usage was at the limit (the need above it is unknown); never above
 * `ceiling` (the largest node's allocatable memory). When the kernel's report of the kill says how much the process
 * needed (`need`, above the limit), that need plus {@link KILL_HEADROOM}, at least twice the limit: doubling a limit
 * far below the need would fail again.
 */
export function memoryLimitFromPeak(
  limit: number | undefined,
  peak: number | undefined,
  ceiling?: number,
  need?: number,
): MemoryLimitChoice {
  const round = (bytes: number) => Math.ceil(bytes / STEP) * STEP;
  let choice: MemoryLimitChoice;
  if (limit && need !== undefined && need > limit) {
    const bytes = round(Math.max(need * (1 + KILL_HEADROOM), limit * 2));
    choice = {
      bytes,
      reason: `the process was killed needing ${mi(need)} (the kernel's OOM report) + ${KILL_HEADROOM * 100}% headroom, at least twice the ${mi(limit)} limit`,
    };
  } else if (!limit) {
    const bytes = round(Math.max((peak ?? 256 * MI) * (1 + HEADROOM), 256 * MI));
    choice = { bytes, reason: `no limit was set; observed peak ${mi(peak)} + ${HEADROOM * 100}% headroom` };
  } else if (peak !== undefined && peak < limit * 0.9) {
    const bytes = round(Math.max(peak * (1 + HEADROOM), limit * 1.25));
    choice = {
      bytes,
      reason: `observed peak ${mi(peak)} + ${HEADROOM * 100}% headroom, at least 25% above the ${mi(limit)} limit`,
    };
  } else {
    const bytes = round(limit * 2);
    choice = {
      bytes,
      reason: `usage reached the ${mi(limit)} limit${peak !== undefined ? ` (peak ${mi(peak)})` : ''}: its real need is above it, so twice the limit`,
    };
  }
  if (ceiling && choice.bytes > ceiling) {
    return {
      bytes: Math.floor(ceiling / MI) * MI,
      reason: `${choice.reason}, capped at the largest node's ${mi(ceiling)} allocatable`,
    };
  }
  return choice;
}

function mi(bytes: number | undefined): string {
  return bytes === undefined ? 'unknown' : `${Math.ceil(bytes / MI)}Mi`;
}
