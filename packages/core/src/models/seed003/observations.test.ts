import { describe, expect, it } from 'vitest';
import { Alert } from './alert.js';
import { AnomalyDetection } from './anomalyDetection.js';
import { Event } from './event.js';
import { Gpu } from './gpu.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';

describe('observability models', () => {
  it('keeps GPU percentages within 0..100', () => {
    const gpu = {
      index: 0,
      uuid: 'GPU-abc',
      name: 'NVIDIA A100',
      memory_total_mb: 81920,
      memory_used_mb: 1000,
      memory_free_mb: 80920,
      utilization_gpu_percent: 50,
      utilization_memory_percent: 10,
    };
    expect(Gpu.safeParse(gpu).success).toBe(true);
    expect(Gpu.safeParse({ ...gpu, utilization_gpu_percent: 101 }).success).toBe(false);
    expect(Gpu.safeParse({ ...gpu, fan_speed_percent: -1 }).success).toBe(false);
  });

  it('keeps anomaly confidence within 0..1', () => {
    const a = {
      id,
      cluster_id: id,
      metric_name: 'cpu',
      detection_type: 'STATISTICAL',
      severity: 'HIGH',
      confidence_score: 0.92,
      anomaly_type: 'SPIKE',
      detected_at: '2026-01-01T00:00:00Z',
    };
    expect(AnomalyDetection.safeParse(a).success).toBe(true);
    expect(AnomalyDetection.safeParse({ ...a, confidence_score: 1.2 }).success).toBe(false);
  });

  it('uses UPPER_SNAKE alert and event enums', () => {
    const alert = {
      id,
      fingerprint: 'f',
      alertname: 'HighCPU',
      severity: 'WARNING',
      state: 'FIRING',
      starts_at: '2026-01-01T00:00:00Z',
    };
    expect(Alert.safeParse(alert).success).toBe(true);
    expect(Alert.safeParse({ ...alert, severity: 'warning' }).success).toBe(false);
    expect(Event.safeParse({ event_type: 'ALERT_FIRED', timestamp: '2026-01-01T00:00:00Z' }).success).toBe(true);
    expect(Event.safeParse({ event_type: 'alert_fired', timestamp: '2026-01-01T00:00:00Z' }).success).toBe(false);
  });
});
