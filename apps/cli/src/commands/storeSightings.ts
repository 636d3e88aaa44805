import type { Store } from '@opspilot/store';
import type { AnalyzeClusterOptions } from './analyzeCluster.js';

/**
 * The store's `finding_sightings` as {@link AnalyzeClusterOptions.sightings} keeps causes' sightings between runs
 * (`opspilot analyze` and `opspilot clusters findings --live`).
 */
export function storeSightings(
  store: Pick<Store, 'findingSightings'>,
): NonNullable<AnalyzeClusterOptions['sightings']> {
  return {
    list: (cluster) => store.findingSightings.list(cluster),
    record: (cluster, sightings) => store.findingSightings.record(cluster, sightings),
  };
}
