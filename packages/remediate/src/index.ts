/**
 * @opspilot/remediate — the remediation catalogue (one file per fix, each mapping analyzer finding classes to
 * candidate plans with evidence, risk, preconditions, a verification and a rollback), its execution through the
 * operation lifecycle of `@opspilot/ops`, and healing rules that run it on their own within limits.
 */

export { applyRollback, type RollbackResult } from './applyRollback.js';
export { BUILTIN_REMEDIATIONS, remediableClasses, remediationById } from './builtinRemediations.js';
export { candidatePlan } from './candidatePlan.js';
export { brokenPreconditions } from './checkPreconditions.js';
export {
  type CandidateProposal,
  createRemediator,
  type RemediationOutcome,
  type RemediationOutcomeStatus,
  type Remediator,
  type RemediatorDeps,
  type SettleSubject,
} from './createRemediator.js';
export { currentFindings } from './currentFindings.js';
export { type FixPlanner, fixPlanner } from './fixPlanner.js';
export { baseName, fitOf, isFixRequest } from './fixRequest.js';
export { alertFiresFor, type FiringAlert } from './healing/alertTrigger.js';
export { concurrencyLimit } from './healing/concurrencyLimit.js';
export {
  createHealingEngine,
  type HealingEngine,
  type HealingEngineDeps,
  type HealingPassReport,
} from './healing/createHealingEngine.js';
export { DEFAULT_HEALING_RULES, type DefaultHealingRule, defaultRulesFor } from './healing/defaultRules.js';
export { breakerTrips, cooldownNoted, holdBack, inMaintenanceWindow, isRefusalNote } from './healing/healingGates.js';
export { HEALING_PASS_JOB } from './healing/healingJobs.js';
export {
  HealingLimits,
  HealingMode,
  HealingScope,
  MaintenanceWindow,
  TriggerSeverity,
} from './healing/healingPolicy.js';
export {
  type HealingLearning,
  type HealingStat,
  healingLearning,
  healingStats,
  learnedRates,
  successRates,
} from './healing/healingStats.js';
export { allActions, type HealingStore } from './healing/healingStore.js';
export {
  anomalyTriggers,
  incidentTriggers,
  isTriggerType,
  refOfLabels,
  TRIGGER_TYPES,
  type Trigger,
  type TriggerSources,
  type TriggerType,
} from './healing/healingTriggers.js';
export {
  finishManualFix,
  type ManualFixDeps,
  recordingManualFixes,
  startManualFix,
} from './healing/manualFixes.js';
export { replicasTouched } from './healing/replicasTouched.js';
export { type FixEnd, resumeFix } from './healing/resumeFix.js';
export { runbookInput } from './healing/runbookAction.js';
export { type RunbookPort, type RunbookRun, runbookPortOf } from './healing/runbookPort.js';
export { ActionFix, fixRecord, type SettleState, settleState } from './healing/settleOutcome.js';
export { type ParsedRule, RUNBOOK_ACTION, validateHealingRule } from './healing/validateHealingRule.js';
export { type FixProposal, proposeFixes, type SuccessRates } from './proposeFixes.js';
export {
  defineRemediation,
  type Precondition,
  type Remediation,
  type RemediationAnswer,
  type RemediationCandidate,
  type RemediationContext,
  unchanged,
} from './remediation.js';
export { DEFAULT_RECOVERY_TIMING, type Recovery, type RecoveryTiming, verifyRecovery } from './verifyRecovery.js';
