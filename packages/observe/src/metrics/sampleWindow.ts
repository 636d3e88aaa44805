/**
 * The samples of one series in a fixed-size ring: the oldest is overwritten once `capacity` is reached, so memory
 * stays bounded whatever the uptime. Times are unix milliseconds, increasing.
 */
export class SampleWindow {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Appends a sample; one older than the newest is ignored. */
  push(time: number, value: number): void {
    if (this.count > 0 && time <= this.times[(this.start + this.count - 1) % this.capacity]!) return;
    const at = (this.start + this.count) % this.capacity;
    this.times[at] = time;
    this.values[at] = value;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The newest sample at or before `time` and no older than `time - lookbackMs`, or undefined. */
  at(time: number, lookbackMs: number): { time: number; value: number } | undefined {
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[(this.start + mid) % this.capacity]! <= time) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const i = (this.start + found) % this.capacity;
    return this.times[i]! >= time - lookbackMs ? { time: this.times[i]!, value: this.values[i]! } : undefined;
  }

  /** The newest sample time, or undefined when empty. */
  get newest(): number | undefined {
    return this.count === 0 ? undefined : this.times[(this.start + this.count - 1) % this.capacity];
  }
}

/** The oldest sample of `w` in [from, to], or undefined. */
export function firstIn(w: SampleWindow, from: number, to: number): { time: number; value: number } | undefined {
  // Walk back from the newest at or before `to`; windows hold a few thousand points at most.
  let found: { time: number; value: number } | undefined;
  let t = to;
  for (;;) {
    const s = w.at(t, t - from);
    if (!s || s.time < from) return found;
    found = s;
    t = s.time - 1e-3;
  }
}
