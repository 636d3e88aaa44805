/**
 * @opspilot/incidents — the incident commander's engine: signals (alerts, anomalies, findings) correlated into
 * incidents by fingerprint, time and topology; the incident lifecycle and timeline; deterministic root-cause ranking
 * with evidence; versioned YAML runbooks executed through the operation lifecycle of `@opspilot/ops`; post-mortems;
 * outgoing webhook payloads. A pure engine: reaches the world only through the ports of `@opspilot/core`.
 */

export { chartScopeOf, chartSignals, inChartScope } from './charts/chartSignals.js';
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
export { createFindingFeed } from './correlate/findingFeed.js';
export {
  raiseSeverity,
  Signal,
  SignalSighting,
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
export { type CommanderParts, createIncidentCommander, type IncidentCommander } from './incidentCommander.js';
export type { IncidentDeps, IncidentNotice, IncidentRecords, TimelineEntryInput } from './incidentDeps.js';
export { type Actor, createIncidentEngine, type IncidentEngine } from './incidentEngine.js';
export { assertMove, canMove, isActive, PHASE_OF } from './lifecycle/incidentPhase.js';
export { createMemoryIncidentRecords } from './memoryIncidentRecords.js';
export {
  createWebhookNotifier,
  type Delivery,
  type HttpPost,
  type NotifierOptions,
} from './notify/createWebhookNotifier.js';
export { signPayload, verifySignature } from './notify/signPayload.js';
export { WebhookEndpoint, webhookPayload } from './notify/webhookPayload.js';
export { generatePostMortem, type PostMortemInput } from './postmortem/generatePostMortem.js';
export {
  NARRATIVE_SYSTEM_PROMPT,
  narratePostMortem,
  narrativeRequest,
  withNarrative,
} from './postmortem/narratePostMortem.js';
export { renderMarkdown } from './postmortem/renderMarkdown.js';
export { auditChanges, refOfTarget } from './rca/auditChanges.js';
export { Cause, CauseEvidence, CauseKind, RootCauseAnalysis, SuggestedRunbook } from './rca/cause.js';
export type { Change, ChangeKind } from './rca/change.js';
export { clusterChanges } from './rca/clusterChanges.js';
export { collectEvidence, type EvidenceDeps } from './rca/collectEvidence.js';
export { type IncidentScope, incidentScope } from './rca/incidentScope.js';
export { type MemoryTrend, memoryTrend, memoryTrends, type OomKill, oomKillsOf } from './rca/memoryEvidence.js';
export { GRACE_MS, LOOKBACK_MS, rankCauses, suggestRunbook } from './rca/rankCauses.js';
export type { LogHit, RcaInput, Saturation } from './rca/rcaInput.js';
export { describeSpan, type SlowSpan, spanEvidence } from './rca/traceEvidence.js';
export { actionCatalog, BUILTIN_RUNBOOK_ACTIONS } from './runbooks/actionCatalog.js';
export { orderSteps } from './runbooks/orderSteps.js';
export { type ParsedRunbook, parseRunbook, type RunbookProblem } from './runbooks/parseRunbook.js';
export {
  type ActionProposal,
  defineRunbookAction,
  type ReadOutcome,
  type RunbookAction,
  type RunbookActionContext,
} from './runbooks/runbookAction.js';
export { RunbookDocStep, RunbookDocument, RunbookParameter } from './runbooks/runbookDocument.js';
export {
  createRunbookLibrary,
  type LoadedRunbook,
  type RunbookLibrary,
  type RunbookStores,
} from './runbooks/runbookLibrary.js';
export {
  createRunbookRunner,
  type ExecutionRecords,
  type RunbookRunner,
  type RunnerDeps,
} from './runbooks/runbookRunner.js';
export { SHIPPED_RUNBOOKS } from './runbooks/shippedRunbooks.js';
export { templateInput } from './runbooks/templateInput.js';
