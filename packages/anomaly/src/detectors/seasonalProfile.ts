/**
 * The seasonal (daily by default) part of a series: one value per slot of the season, in a typed array, so memory is
 * fixed per series and a point costs O(1). During the first season each slot keeps the mean of the values seen in
 * it; once a whole season has passed the profile is formed (those means minus their overall mean, in one O(slots)
 * pass) and from then on each visit smooths the slot towards the latest deviation from the baseline by `gamma`.
 */
export class SeasonalProfile {
  readonly slots: number;
  /** Whether the first season is complete and {@link at} returns the learned profile. */
  formed = false;
  private readonly values: Float32Array;
  private readonly visits: Uint16Array;
  private readonly slotSeconds: number;
  private readonly seasonSeconds: number;
  private readonly gamma: number;
  private firstTime = Number.NaN;

  constructor(seasonSeconds: number, stepSeconds: number, maxSlots: number, gamma: number) {
    const wanted = seasonSeconds > 0 ? Math.round(seasonSeconds / stepSeconds) : 0;
    this.slots = wanted >= 2 ? Math.min(wanted, maxSlots) : 0;
    this.slotSeconds = this.slots > 0 ? seasonSeconds / this.slots : 1;
    this.seasonSeconds = seasonSeconds;
    this.values = new Float32Array(this.slots);
    this.visits = new Uint16Array(this.slots);
    this.gamma = gamma;
  }

  /** The slot of unix time `t` (seconds); -1 when seasonality is off. */
  slotOf(t: number): number {
    if (this.slots === 0) return -1;
    if (Number.isNaN(this.firstTime)) this.firstTime = t;
    return Math.floor(t / this.slotSeconds) % this.slots;
  }

  /** The seasonal deviation expected at `slot` (0 until formed). */
  at(slot: number): number {
    return slot < 0 || !this.formed ? 0 : (this.values[slot] ?? 0);
  }

  /** Whether a whole season has been seen at unix time `t`. */
  complete(t: number): boolean {
    return this.slots > 0 && t - this.firstTime >= this.seasonSeconds;
  }

  /** Ends the first season: turns the slot means into deviations from their mean, which it returns. */
  form(): number {
    let sum = 0;
    let seen = 0;
    for (let i = 0; i < this.slots; i++) {
      if (this.visits[i]! > 0) {
        sum += this.values[i]!;
        seen++;
      }
    }
    const mean = seen > 0 ? sum / seen : 0;
    for (let i = 0; i < this.slots; i++) this.values[i] = this.visits[i]! > 0 ? this.values[i]! - mean : 0;
    this.formed = true;
    return mean;
  }

  /** Before forming, records the raw value `x`; after, smooths the slot towards `deviation` (value minus baseline). */
  learn(slot: number, x: number, deviation: number): void {
    if (slot < 0) return;
    const old = this.values[slot]!;
    if (!this.formed) {
      const visits = Math.min(65_535, this.visits[slot]! + 1);
      this.visits[slot] = visits;
      this.values[slot] = old + (x - old) / visits;
      return;
    }
    this.values[slot] = old + this.gamma * (deviation - old);
  }
}
