/**
 * @opspilot/fleet — the live model of every registered cluster: list+watch loops per kind with resume, re-list and
 * back-off, the health score and state of each cluster, capability and endpoint detection, and a change feed.
 * A pure engine: reaches clusters only through the `ClusterGateway` port and time only through the `Clock` port.
 */
export { type BackoffOptions, backoffDelay } from './backoffDelay.js';
export { type BrowserTable, browserTable } from './browse/browserTable.js';
export { EVENT_COLUMNS, eventLastSeen, eventSubject } from './browse/eventRows.js';
export { MASKED, maskSecretData } from './browse/maskSecretData.js';
export { objectEvents } from './browse/objectEvents.js';
export { type RelatedObject, relatedObjects } from './browse/relatedObjects.js';
export { ClusterHealthReport, SeverityCounts } from './clusterHealthReport.js';
export {
  computeHealth,
  DEGRADED_BELOW,
  FINDING_PENALTY,
  type Health,
  type HealthCounts,
  type HealthInputs,
  MAX_FINDING_PENALTY,
  podHealthy,
  podStarting,
  STARTING_GRACE_MS,
  scoreBand,
} from './computeHealth.js';
export { type DetectedCapabilities, detectCapabilities } from './detectCapabilities.js';
export { fleetKindOf } from './fleetKindOf.js';
export { DEFAULT_EVENT_LIMIT, FLEET_KINDS } from './fleetKinds.js';
export { KindStore, type ModelChange } from './kindStore.js';
export { kubectlAge } from './kubectlAge.js';
export { formatKubectlRows, type KubectlTableOptions, kubectlTable } from './kubectlTable.js';
export { LiveModel } from './liveModel.js';
export { podStatusText } from './podStatusText.js';
export { type ClusterWatch, type LiveSighting, type WatchClusterOptions, watchCluster } from './watchCluster.js';
export { newestVersion, type WatchKindOptions, watchKind } from './watchKind.js';
