/**
 * @opspilot/anomaly — anomaly detection over metric series: streaming detectors (Holt-Winters forecast residual with
 * a daily seasonal profile, CUSUM change points, a robust baseline, thresholds) combined into one confidence score,
 * with hysteresis and a plain-words explanation, and the scanner that scores the series that matter through the
 * `MetricsSource` port. A pure engine: no I/O of its own.
 *
 * Anomalies are seed 003 §5.6 `AnomalyDetection` records (`@opspilot/core`). Their `labels` are the series' labels
 * plus `signal` (an {@link ANOMALY_SIGNALS} id) and, for pods and workloads, `workload`. Each stored anomaly is
 * published as an `ANOMALY_DETECTED` event whose `payload.anomaly` is the record ({@link anomalyDetectedEvent},
 * read back with {@link anomalyOfEvent}). The NAB scorer and the labelled series generator are in
 * `@opspilot/anomaly/testing`.
 */
export { anomalyDetectedEvent, anomalyOfEvent } from './anomalyEvent.js';
export { AnomalyScanner, type AnomalyScannerOptions, type ScanResult } from './anomalyScanner.js';
export { ANOMALY_SIGNALS, type AnomalySignal, anomalySignal, type SignalUnit } from './anomalySignals.js';
export { DetectorOptions, type DetectorOptionsInput, detectorOptions, Thresholds } from './detectorOptions.js';
export { HoltWinters } from './detectors/holtWinters.js';
export { SeasonalProfile } from './detectors/seasonalProfile.js';
export { type DetectedEpisode, type ScoreComponents, SeriesDetector } from './detectors/seriesDetector.js';
export { explainEpisode, seriesSubject } from './explainEpisode.js';
export { formatValue } from './formatValue.js';
export { ANOMALY_LABEL_FILTERS, type AnomalyMatch, matchesAnomaly } from './matchesAnomaly.js';
export { type SeriesScores, scoreSeries } from './scoreSeries.js';
export { anomalyLabels, severityOf, toAnomalyDetection } from './toAnomalyDetection.js';
export { workloadOfPod } from './workloadOfPod.js';
