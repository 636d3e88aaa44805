/** Something a server process cannot take work without: the database, a shared event bus or job queue. */
export interface Dependency {
  /** How readiness and the logs name it: `database`, `event bus (redis)`, `job queue (bullmq)`. */
  name: string;
  /** Resolves when it answers a trivial round trip; rejects (or hangs) when it is lost. */
  ping(): Promise<unknown>;
}

/** A running {@link watchDependencies}. */
export interface DependencyWatch {
  /** What is lost and why (`database: …; event bus (redis): …`), or undefined while every dependency answers. */
  lost(): string | undefined;
  stop(): void;
}

/** Options of {@link watchDependencies}. */
export interface DependencyWatchOptions {
  everyMs: number;
  /** A ping slower than this counts as failed. */
  timeoutMs: number;
  /** Called once when the first dependency is lost, with the reason {@link DependencyWatch.lost} gives. */
  onLost(reason: string): Promise<void> | void;
  /** Called once when every dependency answers again. */
  onBack(): Promise<void> | void;
}

/** `ping()` of `dependency`, rejected with its name after `timeoutMs`. */
async function pingWithin(dependency: Dependency, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      dependency.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Pings every dependency each `everyMs`, all at once. The first failure of any calls `onLost(reason)` once; the
 * first round in which all answer again calls `onBack()`. Used to stop taking work while the store cannot be
 * written or events cannot be delivered, and to take it again when they return.
 */
export function watchDependencies(
  dependencies: readonly Dependency[],
  options: DependencyWatchOptions,
): DependencyWatch {
  let reason: string | undefined;
  let busy = false;
  // Transitions run one after the other, apart from the pings: a slow onLost (work stopping while a dependency is
  // gone) must not stop the watch from seeing the dependency return.
  let transitions: Promise<void> = Promise.resolve();
  const transition = (run: () => Promise<void> | void) => {
    transitions = transitions.then(run).catch(() => undefined);
  };
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const results = await Promise.allSettled(dependencies.map((d) => pingWithin(d, options.timeoutMs)));
      const failed = results.flatMap((result, i) =>
        result.status === 'rejected'
          ? [
              `${dependencies[i]?.name}: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`,
            ]
          : [],
      );
      const wasLost = reason !== undefined;
      reason = failed.length > 0 ? failed.join('; ') : undefined;
      const lostNow = reason;
      if (!wasLost && lostNow !== undefined) transition(() => options.onLost(lostNow));
      else if (wasLost && lostNow === undefined) transition(() => options.onBack());
    } finally {
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
