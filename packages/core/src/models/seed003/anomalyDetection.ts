import { z } from 'zod';
import { StringMap, Timestamp, Uuid } from '../common.js';

/** Which method found an anomaly (seed 003 §5.6 `detection_type`). */
export const AnomalyDetectionType = z.enum(['STATISTICAL', 'ML_BASED', 'LLM_ASSISTED']);
export type AnomalyDetectionType = z.infer<typeof AnomalyDetectionType>;

/** How serious an anomaly is (seed 003 §5.6). */
export const AnomalySeverity = z.enum(['HIGH', 'MEDIUM', 'LOW']);
export type AnomalySeverity = z.infer<typeof AnomalySeverity>;

/** The shape of an anomaly (seed 003 §5.6). */
export const AnomalyType = z.enum(['SPIKE', 'DROP', 'TREND_CHANGE', 'PATTERN_BREAK', 'THRESHOLD_BREACH']);
export type AnomalyType = z.infer<typeof AnomalyType>;

/**
 * An anomaly found in a metric series (seed 003 §5.6). `confidence_score` is from 0 to 1; `explanation` is what a
 * person reads first, so detectors should always fill it.
 */
export const AnomalyDetection = z.object({
  id: Uuid,
  cluster_id: Uuid,
  metric_name: z.string().min(1),
  labels: StringMap.default({}),
  detection_type: AnomalyDetectionType,
  severity: AnomalySeverity,
  confidence_score: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1'),
  anomaly_type: AnomalyType,
  expected_value: z.number().optional(),
  actual_value: z.number().optional(),
  deviation_percent: z.number().optional(),
  explanation: z.string().default(''),
  detected_at: Timestamp,
  related_alerts: z.array(Uuid).default([]),
});
export type AnomalyDetection = z.infer<typeof AnomalyDetection>;

/** What a detector supplies to record an {@link AnomalyDetection}; the store assigns the id. */
export const NewAnomalyDetection = AnomalyDetection.omit({ id: true });
export type NewAnomalyDetection = z.input<typeof NewAnomalyDetection>;
