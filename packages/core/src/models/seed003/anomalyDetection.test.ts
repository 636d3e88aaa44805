import { describe, expect, it } from 'vitest';
import { AnomalyDetection, NewAnomalyDetection } from './anomalyDetection.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const anomaly = {
  cluster_id: id,
  metric_name: 'container_cpu_usage_seconds_total',
  detection_type: 'STATISTICAL',
  severity: 'HIGH',
  confidence_score: 0.92,
  anomaly_type: 'SPIKE',
  detected_at: '2026-01-01T00:00:00Z',
};

describe('AnomalyDetection', () => {
  it('applies the defaults', () => {
    expect(NewAnomalyDetection.parse(anomaly)).toEqual({ ...anomaly, labels: {}, explanation: '', related_alerts: [] });
    expect(AnomalyDetection.safeParse({ ...anomaly, id }).success).toBe(true);
  });

  it.each([0, 1, 0.5])('accepts the confidence %d', (confidence_score) => {
    expect(NewAnomalyDetection.safeParse({ ...anomaly, confidence_score }).success).toBe(true);
  });

  it.each([-0.01, 1.2, 92])('refuses the confidence %d', (confidence_score) => {
    const result = NewAnomalyDetection.safeParse({ ...anomaly, confidence_score });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['confidence_score']);
  });

  it('refuses values outside the detection, severity and anomaly enums', () => {
    expect(NewAnomalyDetection.safeParse({ ...anomaly, detection_type: 'ML' }).success).toBe(false);
    expect(NewAnomalyDetection.safeParse({ ...anomaly, severity: 'CRITICAL' }).success).toBe(false);
    expect(NewAnomalyDetection.safeParse({ ...anomaly, anomaly_type: 'spike' }).success).toBe(false);
  });

  it('requires related alerts to be alert ids', () => {
    expect(NewAnomalyDetection.safeParse({ ...anomaly, related_alerts: [id] }).success).toBe(true);
    expect(NewAnomalyDetection.safeParse({ ...anomaly, related_alerts: ['HighCPUUsage'] }).success).toBe(false);
  });
});
