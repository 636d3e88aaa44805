/**
 * @opspilot/incidents — the incident commander's engine: signals (alerts, anomalies, findings) correlated into
 * incidents by fingerprint, time and topology; the incident lifecycle and timeline; deterministic root-cause ranking
 * with evidence; versioned YAML runbooks executed through the operation lifecycle of `@opspilot/ops`; post-mortems;
 * outgoing webhook payloads. A pure engine: reaches the world only through the ports of `@opspilot/core`.
 */
export {
  affectedResources,
  blastRadius,
  type CorrelatedIncident,
  type Correlation,
  type CorrelationKind,
  Correlator,
  type CorrelatorOptions,
  type HeldSignal,
} from './correlate/correlator.js';
export {
  raiseSeverity,
  Signal,
  SignalSource,
  SignalState,
  severityRank,
  signalKey,
  worseSeverity,
} from './correlate/signal.js';
export {
  resourceOfLabels,
  signalFromAlert,
  signalFromAnomaly,
  signalFromFinding,
} from './correlate/signalFromAlert.js';
export { type Anchors, anchorKey, labelTopology, snapshotTopology, type Topology } from './correlate/topology.js';
export type { IncidentDeps, IncidentNotice, IncidentRecords, TimelineEntryInput } from './incidentDeps.js';
export { type Actor, createIncidentEngine, type IncidentEngine } from './incidentEngine.js';
export { assertMove, canMove, isActive, PHASE_OF } from './lifecycle/incidentPhase.js';
export { createMemoryIncidentRecords } from './memoryIncidentRecords.js';
