/** @opspilot/delivery — CI pipelines, chart releases (install, upgrade, roll back) and release notes. */
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
