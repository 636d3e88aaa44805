/**
 * The slow "normal" of a deseasonalised series: an exponentially weighted level with a robust scale (an EW mean
 * absolute deviation scaled to a standard deviation), both updated with Huber-clipped deviations so that an outlier
 * or an ongoing incident moves them only slowly. During warm-up it averages evenly (1/n) to start from a fair level.
 */
export class RobustBaseline {
  level = 0;
  scale = 0;
  private n = 0;

  constructor(
    private readonly alpha: number,
    private readonly huber: number,
  ) {}

  /** Deviations of `x` from normal, in units of `max(scale, floor)`, before learning `x`. */
  deviation(x: number, floor: number): number {
    return this.n === 0 ? 0 : (x - this.level) / Math.max(this.scale, floor);
  }

  /** Restarts from `level` with `scale` (when the seasonal profile forms and takes the daily cycle out). */
  rebase(level: number, scale: number): void {
    this.level = level;
    this.scale = Math.max(scale, this.scale * 0.25);
  }

  learn(x: number, floor: number, warming: boolean): void {
    this.n++;
    if (this.n === 1) {
      this.level = x;
      return;
    }
    const rate = warming ? Math.max(this.alpha, 1 / this.n) : this.alpha;
    const sigma = Math.max(this.scale, floor);
    const d = x - this.level;
    const clipped = warming ? d : Math.max(-this.huber * sigma, Math.min(this.huber * sigma, d));
    this.level += rate * clipped;
    // A deviation beyond the clip says little about the usual spread: it moves the scale ten times more slowly.
    // The scale remembers four times longer than the level, so a slow drift is not taken for a wider spread.
    const scaleRate = warming ? rate : clipped === d ? rate * 0.25 : rate * 0.025;
    this.scale += scaleRate * (1.2533 * Math.abs(clipped) - this.scale);
  }
}
