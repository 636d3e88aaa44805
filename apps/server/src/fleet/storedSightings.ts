import { historyOfSightings, type ProblemHistory } from '@opspilot/analyzers';
import type { Clock } from '@opspilot/core';
import type { Store } from '@opspilot/store';

/** How long the sightings read from the store are used before they are read again. */
const REFRESH_MS = 30_000;

/**
 * A read-only view of a cluster's stored sightings (`finding_sightings`, recorded by analysis runs) for the fleet's
 * live analysis: its problems keep the first-seen time and run count the runs recorded. The live model is analysed
 * again on every change, so those analyses record nothing; the view is read again when older than 30 s (in the
 * background: the next analysis sees it). Call `refresh` once before the first analysis.
 */
export function storedSightings(
  store: Pick<Store, 'findingSightings'>,
  clusterId: string,
  clock: Clock,
  onError: (error: unknown) => void,
): ProblemHistory & { refresh(): Promise<void> } {
  let history = historyOfSightings([]);
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;
  const refresh = () => {
    reading ??= store.findingSightings
      .list(clusterId)
      .then((rows) => {
        history = historyOfSightings(rows);
        readAt = clock.now().getTime();
      })
      .catch(onError)
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  return {
    refresh,
    get(identity) {
      if (clock.now().getTime() - readAt > REFRESH_MS) void refresh();
      return history.get(identity);
    },
    record() {},
  };
}
