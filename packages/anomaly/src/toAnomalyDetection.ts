import type { AnomalySeverity, NewAnomalyDetection } from '@opspilot/core';
import type { AnomalySignal } from './anomalySignals.js';
import type { DetectedEpisode } from './detectors/seriesDetector.js';
import { explainEpisode } from './explainEpisode.js';
import { workloadOfPod } from './workloadOfPod.js';

/** HIGH from a confidence of 0.97 (or a threshold breach), MEDIUM from 0.9, LOW below. */
export function severityOf(e: Pick<DetectedEpisode, 'score' | 'type'>): AnomalySeverity {
  if (e.type === 'THRESHOLD_BREACH' || e.score >= 0.97) return 'HIGH';
  return e.score >= 0.9 ? 'MEDIUM' : 'LOW';
}

/**
 * The labels stored with an anomaly: the series' own labels plus `signal` (the {@link AnomalySignal} id) and, for a
 * pod, `workload` (its controller's name), so the incident commander correlates by workload, pod and node.
 */
export function anomalyLabels(signal: AnomalySignal, labels: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...labels, signal: signal.id };
  if (labels.pod && !labels.workload) out.workload = workloadOfPod(labels.pod);
  if (signal.scope === 'workload' && labels.app && !labels.workload) out.workload = labels.app;
  return out;
}

/** The §5.6 record of an episode found on a series of `signal` in cluster `clusterId`. */
export function toAnomalyDetection(
  clusterId: string,
  signal: AnomalySignal,
  labels: Record<string, string>,
  e: DetectedEpisode,
): NewAnomalyDetection {
  const deviation = e.expected !== 0 ? ((e.actual - e.expected) / Math.abs(e.expected)) * 100 : undefined;
  return {
    cluster_id: clusterId,
    metric_name: signal.metric_name,
    labels: anomalyLabels(signal, labels),
    detection_type: 'STATISTICAL',
    severity: severityOf(e),
    confidence_score: Math.min(1, Math.max(0, Math.round(e.score * 1000) / 1000)),
    anomaly_type: e.type,
    expected_value: e.expected,
    actual_value: e.actual,
    ...(deviation !== undefined && Number.isFinite(deviation)
      ? { deviation_percent: Math.round(deviation * 10) / 10 }
      : {}),
    explanation: explainEpisode(signal, labels, e),
    detected_at: new Date(e.time * 1000).toISOString(),
    related_alerts: [],
  };
}
