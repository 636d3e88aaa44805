import { z } from 'zod';
import { StringMap, Timestamp, Uuid } from '../common.js';

/** An anomaly found in a metric (seed 003 §5.6). */
export const AnomalyDetection = z.object({
  id: Uuid,
  cluster_id: Uuid,
  metric_name: z.string().min(1),
  labels: StringMap.default({}),
  detection_type: z.enum(['STATISTICAL', 'ML_BASED', 'LLM_ASSISTED']),
  severity: z.enum(['HIGH', 'MEDIUM', 'LOW']),
  confidence_score: z.number().min(0).max(1),
  anomaly_type: z.enum(['SPIKE', 'DROP', 'TREND_CHANGE', 'PATTERN_BREAK', 'THRESHOLD_BREACH']),
  expected_value: z.number().optional(),
  actual_value: z.number().optional(),
  deviation_percent: z.number().optional(),
  explanation: z.string().default(''),
  detected_at: Timestamp,
  related_alerts: z.array(Uuid).default([]),
});
export type AnomalyDetection = z.infer<typeof AnomalyDetection>;
