/**
 * The seasonal (daily by default) part of a series: one smoothed deviation from the baseline per slot of the season,
 * in a typed array, so memory is fixed per series and a point costs O(1). A slot is learned on each visit; the
 * profile counts as learned once a whole season has been seen.
 */
export class SeasonalProfile {
  readonly slots: number;
  private readonly values: Float32Array;
  private readonly slotSeconds: number;
  private readonly gamma: number;
  private firstTime = Number.NaN;
  private readonly seasonSeconds: number;

  constructor(seasonSeconds: number, stepSeconds: number, maxSlots: number, gamma: number) {
    const wanted = seasonSeconds > 0 ? Math.round(seasonSeconds / stepSeconds) : 0;
    this.slots = wanted >= 2 ? Math.min(wanted, maxSlots) : 0;
    this.slotSeconds = this.slots > 0 ? seasonSeconds / this.slots : 1;
    this.seasonSeconds = seasonSeconds;
    this.values = new Float32Array(this.slots);
    this.gamma = gamma;
  }

  /** The slot of unix time `t` (seconds); -1 when seasonality is off. */
  slotOf(t: number): number {
    if (this.slots === 0) return -1;
    if (Number.isNaN(this.firstTime)) this.firstTime = t;
    return Math.floor(t / this.slotSeconds) % this.slots;
  }

  /** The seasonal deviation expected at `slot`. */
  at(slot: number): number {
    return slot < 0 ? 0 : (this.values[slot] ?? 0);
  }

  /** Learns `deviation` (value minus baseline) at `slot`. */
  learn(slot: number, deviation: number): void {
    if (slot < 0) return;
    const old = this.values[slot] ?? 0;
    this.values[slot] = old + this.gamma * (deviation - old);
  }

  /** Whether a whole season has been seen (before that the profile is still forming). */
  learned(t: number): boolean {
    return this.slots > 0 && t - this.firstTime >= this.seasonSeconds;
  }
}
