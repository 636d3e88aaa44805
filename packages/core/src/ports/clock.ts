/**
 * Time as engines see it. Engines never call `Date.now()` or `setTimeout` directly, so tests and the simulated
 * cluster can drive time with a {@link ManualClock}; production wires {@link systemClock}.
 */
export interface Clock {
  /** The current time of this clock. */
  now(): Date;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The wall clock: what the server, the CLI and the simulated cluster run on outside tests.
 * @example
 * await systemClock.sleep(1_000, request.signal);
 */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
