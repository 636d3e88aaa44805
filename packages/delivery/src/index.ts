/** @opspilot/delivery — CI pipelines, chart releases, release notes, run tracking with DORA metrics, and test intelligence. */
export { applyChartRelease, approveChartRelease, chartOperation } from './charts/applyChartRelease.js';
export { type ConfiguredChart, chartOfConfigs, isChartConfig } from './charts/chartOfConfigs.js';
export {
  CHART_RELEASE_TOOL,
  type ChartReleaseDeps,
  type ChartReleaseDetails,
  chartDetailsOf,
} from './charts/chartReleaseDeps.js';
export type { ChartReleaseRequest, ChartReleaser, HelmOutcome, HelmRevision } from './charts/chartReleaser.js';
export { type ChartReleaseInput, proposeChartRelease } from './charts/proposeChartRelease.js';
export { type RollbackInput, rollbackChartRelease } from './charts/rollbackChartRelease.js';
export { generatePipeline, type PipelineGeneration } from './pipelines/generatePipeline.js';
export { PipelineOptions } from './pipelines/pipelineOptions.js';
export { type CiSystem, type PipelineProblem, validatePipeline } from './pipelines/validatePipeline.js';
export {
  buildReleaseNotes,
  type ReleaseNotes,
  type ReleaseNotesSection,
  renderReleaseNotes,
  SECTION_TITLES,
} from './release-notes/buildReleaseNotes.js';
export { type ConventionalCommit, GitCommit, parseConventionalCommit } from './release-notes/conventionalCommit.js';
export {
  type DeliveryRecords,
  listAll,
  type RecordFilter,
  type Records,
} from './runs/deliveryRecords.js';
export {
  type DoraFigures,
  type DoraIncident,
  type DoraInput,
  doraMetrics,
  FAILURE_WINDOW_MS,
} from './runs/doraMetrics.js';
export { type DoraQuery, type DoraReport, doraReport } from './runs/doraReport.js';
export { githubRunOf, githubStatus, githubSuiteKey } from './runs/githubRun.js';
export { gitlabRunOf, gitlabStatus } from './runs/gitlabRun.js';
export { type LateLink, linkLateRun } from './runs/linkLateRun.js';
export { mergeRun } from './runs/mergeRun.js';
export { type DeploymentObserverDeps, linkRun, recordDeployments } from './runs/recordDeployments.js';
export { type RecordedRun, recordRun } from './runs/recordRun.js';
export {
  githubSignatureOf,
  type SignatureProblem,
  verifyGithubSignature,
  verifyGitlabToken,
} from './runs/webhookSignature.js';
export {
  COMMIT_ANNOTATIONS,
  commitOfTag,
  imageTagOf,
  type WorkloadImages,
  workloadImagesOf,
} from './runs/workloadImages.js';
export {
  evaluatePredictor,
  MIN_TRAINING_FAILURES,
  MIN_TRAINING_RUNS,
  type PredictorEvaluation,
  predictFailures,
  type RunPrediction,
  type TestPrediction,
} from './tests/failurePredictor.js';
export { type FlakinessOptions, flakyTests, slowestTests, type TestFlakiness } from './tests/flakyTests.js';
export { ingestTestReport, pipelineHistory, type TestReportInput } from './tests/ingestTestReport.js';
export { type JunitCase, type JunitReport, parseJunit } from './tests/parseJunit.js';
export { PREDICTOR_FEATURES } from './tests/predictorFeatures.js';
export { type SyntheticHistoryOptions, syntheticTestHistory } from './tests/syntheticTestHistory.js';
export { runsOf, type TestOutcomeRow, type TestRun } from './tests/testHistory.js';
