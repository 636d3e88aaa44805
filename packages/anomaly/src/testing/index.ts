/** Test utilities of @opspilot/anomaly: the NAB scorer and seeded labelled series. For tests and benchmarks only. */
export {
  type LabelledSeries,
  type LabelledSeriesOptions,
  labelledCorpus,
  labelledSeries,
  type SeriesKind,
} from './labelledSeries.js';
export {
  NAB_PROFILES,
  type NabProfile,
  type NabProfileName,
  type NabResult,
  type NabSeries,
  type NabWindow,
  nabScore,
  nabScoreSeries,
  nabWindows,
  probationLength,
  scaledSigmoid,
} from './nabScore.js';
export { SeededRandom } from './seededRandom.js';
