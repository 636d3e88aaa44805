/**
 * Two-sided tabular CUSUM (Page) over standardised residuals: accumulates deviations beyond the allowance `k` in each
 * direction, so a sustained shift too small to stand out point by point still adds up to a change point. Inputs are
 * capped so that a single extreme point cannot trip it alone.
 */
export class Cusum {
  up = 0;
  down = 0;

  constructor(
    private readonly k: number,
    private readonly cap = 6,
  ) {}

  update(z: number): number {
    const c = Math.max(-this.cap, Math.min(this.cap, z));
    this.up = Math.max(0, this.up + c - this.k);
    this.down = Math.max(0, this.down - c - this.k);
    return Math.max(this.up, this.down);
  }

  /** +1 when the upward sum is the larger, -1 otherwise. */
  direction(): number {
    return this.up >= this.down ? 1 : -1;
  }

  reset(): void {
    this.up = 0;
    this.down = 0;
  }
}
