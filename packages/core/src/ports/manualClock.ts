import type { Clock } from './clock.js';

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * How many microtask turns {@link ManualClock.advance} lets pass after waking a sleeper, so that the woken code
 * (even through several nested `await`s) can schedule its next sleep before later sleepers are considered.
 */
const SETTLE_TURNS = 50;

async function settle(): Promise<void> {
  for (let i = 0; i < SETTLE_TURNS; i++) await Promise.resolve();
}

/**
 * A clock that moves only when told to, for deterministic tests of anything that waits (retries, rollout
 * deadlines, the simulated cluster's back-offs). {@link ManualClock.advance} fires due sleepers in time order,
 * and a loop that sleeps again after waking is woken once per period it covers.
 * @example
 * const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
 * const done = clock.sleep(10_000);
 * await clock.advance(10_000); // `done` resolves, clock.now() is 00:00:10
 */
export class ManualClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];
  private seq = 0;

  constructor(start: Date = new Date(0)) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal?.reason);
      };
      const sleeper: Sleeper = {
        at: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Moves time forward by `ms`. Each sleeper that falls due is woken at its own time, earliest first (ties in
   * the order they went to sleep), and its continuation runs before the next one is woken.
   */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    for (;;) {
      const due = this.sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.sleepers = this.sleepers.filter((s) => s !== due);
      this.current = Math.max(this.current, due.at);
      due.resolve();
      await settle();
    }
    this.current = target;
  }

  /** Number of sleepers still waiting; lets a test check that nothing is left hanging. */
  get pending(): number {
    return this.sleepers.length;
  }
}
