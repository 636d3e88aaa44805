/** What {@link watchDatabase} needs: the store's trivial round trip. */
export interface Pingable {
  ping(): Promise<unknown>;
}

/** A running {@link watchDatabase}. */
export interface DatabaseWatch {
  /** Why the database counts as lost (the last ping's error), or undefined while it answers. */
  lost(): string | undefined;
  stop(): void;
}

/**
 * Pings the database every `everyMs` (a ping slower than `timeoutMs` counts as failed). The first failure calls
 * `onLost(reason)` once; the first answer after that calls `onBack()`. Used to stop taking work while the store
 * cannot be written, and to take it again when it returns.
 */
export function watchDatabase(
  store: Pingable,
  options: {
    everyMs: number;
    timeoutMs: number;
    onLost(reason: string): Promise<void> | void;
    onBack(): Promise<void> | void;
  },
): DatabaseWatch {
  let reason: string | undefined;
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        store.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
        }),
      ]);
      if (reason !== undefined) {
        reason = undefined;
        await options.onBack();
      }
    } catch (error) {
      if (reason === undefined) {
        reason = error instanceof Error ? error.message : String(error);
        await options.onLost(reason);
      }
    } finally {
      clearTimeout(timer);
      busy = false;
    }
  };
  const interval = setInterval(() => void check(), options.everyMs);
  interval.unref();
  return {
    lost: () => reason,
    stop: () => clearInterval(interval),
  };
}
