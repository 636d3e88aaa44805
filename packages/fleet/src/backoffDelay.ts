/** Bounds of {@link backoffDelay}. */
export interface BackoffOptions {
  /** Wait after the first failure (default 500 ms). */
  initialMs?: number;
  /** The longest wait (default 30 s). */
  maxMs?: number;
}

/**
 * How long a watcher waits before its `attempt`-th retry (0-based) after a disconnect: doubling from `initialMs`,
 * capped at `maxMs`, so a cluster that is down is not hammered and one that returns is seen again quickly.
 * @example
 * backoffDelay(0); // 500
 * backoffDelay(3); // 4000
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  return Math.min(max, initial * 2 ** Math.min(attempt, 30));
}
