/**
 * Holt's linear method on the deseasonalised series (the seasonal part lives in {@link SeasonalProfile}, so together
 * they are additive Holt-Winters): forecasts the next point, and keeps a robust scale of its one-step residuals.
 * Residuals are Huber-clipped before they update the state, so a spike does not drag the forecast with it.
 */
export class HoltWinters {
  level = 0;
  trend = 0;
  scale = 0;
  private n = 0;

  constructor(
    private readonly alpha: number,
    private readonly beta: number,
    private readonly scaleAlpha: number,
    private readonly huber: number,
  ) {}

  /** The forecast of the next deseasonalised value. */
  forecast(): number {
    return this.level + this.trend;
  }

  get started(): boolean {
    return this.n > 0;
  }

  /** Restarts the level at `level` without a trend (when the seasonal profile forms). */
  rebase(level: number): void {
    this.level = level;
    this.trend = 0;
  }

  /** Learns deseasonalised `x` given its forecast residual `r` and the scale floor. */
  learn(x: number, r: number, floor: number, warming: boolean): void {
    this.n++;
    if (this.n === 1) {
      this.level = x;
      return;
    }
    const sigma = Math.max(this.scale, floor);
    const clipped = warming ? r : Math.max(-this.huber * sigma, Math.min(this.huber * sigma, r));
    const previous = this.level;
    const target = this.forecast() + clipped;
    this.level = previous + this.trend + this.alpha * (target - previous - this.trend);
    this.trend += this.beta * (this.level - previous - this.trend);
    // An outlier (clipped) says little about the usual spread: it widens the scale ten times more slowly, so the
    // second point of a spike is still judged against the spread before it.
    const rate = warming
      ? Math.max(this.scaleAlpha, 1 / this.n)
      : clipped === r
        ? this.scaleAlpha
        : this.scaleAlpha * 0.1;
    this.scale += rate * (1.2533 * Math.abs(clipped) - this.scale);
  }
}
