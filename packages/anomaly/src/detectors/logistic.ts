/** A score in (0, 1) that reaches one half at `mid` and rises over about `width` (the detectors' common scale). */
export function logistic(x: number, mid: number, width: number): number {
  return 1 / (1 + Math.exp((mid - x) / width));
}
