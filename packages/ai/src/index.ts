/**
 * @opspilot/ai — plain English to plans: the offline planner (deterministic, no model), the agent loop for configured
 * models (read-only tools, redaction, untrusted-data labels, budgets, fallback), risk classification and the
 * rendering of plans as kubectl commands for bash and PowerShell. Executes nothing.
 */

export { REDACTED, redact, redactText } from '@opspilot/core';
export { INSPECTION_TOOLS } from './agent/inspectionTools.js';
export { PLAN_TOOLS } from './agent/planTools.js';
export { type ReadOnlyCluster, readOnlyCluster } from './agent/readOnlyCluster.js';
export { type AgentBudgets, type AgentOptions, DEFAULT_BUDGETS, runAgent } from './agent/runAgent.js';
export { summarizeObject } from './agent/summarizeObject.js';
export { untrusted } from './agent/untrusted.js';
export { type ActionClass, classifyAction, crossValidate } from './frame/classifyAction.js';
export type { Frame } from './frame/frame.js';
export { parseFrame } from './frame/parseFrame.js';
export { loadVocabulary, type Vocabulary } from './frame/vocabulary.js';
export { Intent, ScaleAmount, TargetPhrase } from './intent/intent.js';
export { describeMetricQuestion, matchMetricQuestion } from './intent/metricQuestion.js';
export { type NotUnderstood, parseIntent } from './intent/parseIntent.js';
export { SUPPORTED_REQUESTS } from './intent/supportedRequests.js';
export { classifyRisk, isProductionNamespace, type RiskAssessment } from './plan/classifyRisk.js';
export { finishPlan, type PlanDraft } from './plan/finishPlan.js';
export {
  createPlannerSession,
  metricOutcome,
  type OfflineOptions,
  type PlannerSession,
  planOffline,
} from './planOffline.js';
export { type PlanRequestOptions, planRequest } from './planRequest.js';
export { quoteBash } from './render/renderBash.js';
export { renderPlanCommands } from './render/renderPlanCommands.js';
export { quotePowerShell } from './render/renderPowerShell.js';
export { patchBody } from './render/stepCommands.js';
export {
  noRepair,
  type RepairCatalogue,
  type RepairRequest,
  repairThrough,
  withRepairCatalogue,
} from './repairCatalogue.js';
export { hasRequestReader, readRequest, registerRequestReader } from './requestReaders.js';
export { matchingLines, SAFE_PATTERN_LIMITS, type SafePattern, safePattern } from './safety/safePattern.js';
