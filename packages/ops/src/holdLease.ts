import type { Clock, OperationLease, OperationStore } from '@opspilot/core';

/** A lease kept alive while an operation is applied. */
export interface HeldLease {
  /** Aborted when the lease was lost (someone else took it after it expired, or the operation left APPLYING). */
  lost: AbortSignal;
  /** Stops renewing (the operation is done). */
  release(): void;
}

/** The lease of `owner` running `ms` from now on `clock`. */
export function leaseFrom(clock: Clock, owner: string, ms: number): OperationLease {
  return { owner, expires_at: new Date(clock.now().getTime() + ms).toISOString() };
}

/**
 * Renews the lease of an APPLYING operation every third of its length on `clock` until released. A renewal the
 * store refuses means another process took the operation over: `lost` is aborted so the applier stops. A renewal
 * that fails (the store is unreachable) is tried again at the next turn; if the store stays away the lease expires
 * and the operation is reconciled by whoever finds it next.
 */
export function holdLease(
  operations: Pick<OperationStore, 'acquireLease'>,
  clock: Clock,
  id: string,
  owner: string,
  ms: number,
): HeldLease {
  const lost = new AbortController();
  const stop = new AbortController();
  void (async () => {
    while (!stop.signal.aborted) {
      try {
        await clock.sleep(Math.max(1, Math.floor(ms / 3)), stop.signal);
      } catch {
        return;
      }
      const renewed = await operations
        .acquireLease(id, leaseFrom(clock, owner, ms), clock.now().toISOString())
        .catch(() => undefined);
      if (renewed === false && !stop.signal.aborted) {
        lost.abort(new Error(`the lease on operation ${id} was lost: another process took it over`));
        return;
      }
    }
  })();
  return { lost: lost.signal, release: () => stop.abort() };
}
