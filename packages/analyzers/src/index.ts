/**
 * @opspilot/analyzers — diagnosis over a cluster snapshot: the built-in analyzers (pure functions), grouping of
 * findings by root cause, offline and model-backed explanations with masking, and the report schema the CLI and
 * server print. Imports only @opspilot/core (and zod); does no I/O.
 */
export { AnalysisReport, analysisReportJsonSchema, ExplanationReport, ProblemReport } from './analysisReport.js';
export { type Analysis, type AnalyzeOptions, analyzeSnapshot } from './analyzeSnapshot.js';
export { BUILTIN_ANALYZERS } from './builtinAnalyzers.js';
export { cronScheduleProblem } from './cronSchedule.js';
export { ANALYZER_GUIDES, type AnalyzerGuide } from './explain/analyzerGuides.js';
export { type ExplainOptions, type Explanation, explainGroups } from './explain/explainGroups.js';
export { explainOffline } from './explain/explainOffline.js';
export { EXPLAIN_SYSTEM_PROMPT, explainRequest } from './explain/explainPrompt.js';
export { createMasker, type MaskCategory, type Masker } from './explain/masker.js';
export { type MaskedFindings, maskFindings, unmask } from './explain/maskFindings.js';
export { secretValues } from './explain/secretValues.js';
export { type CauseIdentity, causeIdentity, causeIdentityOf } from './grouping/causeIdentity.js';
export { CAUSE_LAYERS } from './grouping/causeLayers.js';
export { type CauseSighting, causeSightings, historyOfSightings } from './grouping/causeSightings.js';
export { type Dependencies, dependenciesOf, refKey } from './grouping/dependenciesOf.js';
export { bySeverity, type FindingGroup, type GroupOptions, groupFindings } from './grouping/groupFindings.js';
export { createProblemHistory, type ProblemHistory, type ProblemSighting } from './grouping/problemHistory.js';
export {
  HTTP_ERRORS_PROMQL,
  HTTP_RATE_WINDOW,
  HTTP_REQUESTS_PROMQL,
  type HttpErrorRateOptions,
  readHttpErrorRates,
} from './httpErrorRates.js';
export { isEmptySelector, matchesSelector, selectorText } from './labelSelector.js';
export { logTargets, POD_LOG_KIND, type PodLogTail, withPodLogs } from './podLogs.js';
export { formatMemory, parseQuantity } from './quantity.js';
export { kindsFor, selectAnalyzers } from './selectAnalyzers.js';
export {
  HTTP_ERROR_RATE_KIND,
  type HttpErrorRate,
  POD_USAGE_KIND,
  withHttpErrorRates,
  withPodUsage,
} from './signals.js';
export { snapshotForAnalysis } from './snapshotForAnalysis.js';
export { indexSnapshot, type SnapshotIndex } from './snapshotIndex.js';
export { kubectlRef, topOwner } from './workloads.js';
