import { AnomalyDetection, NewAnomalyDetection } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { anomalyDetectedEvent, anomalyOfEvent } from './anomalyEvent.js';
import { anomalySignal } from './anomalySignals.js';
import type { DetectedEpisode } from './detectors/seriesDetector.js';
import { formatValue } from './formatValue.js';
import { severityOf, toAnomalyDetection } from './toAnomalyDetection.js';
import { workloadOfPod } from './workloadOfPod.js';

const CLUSTER = '6f1c1b8e-2f9a-4c1e-9d3b-0a7d2e5c4b11';
const spike: DetectedEpisode = {
  index: 400,
  time: 1_796_000_400,
  type: 'SPIKE',
  direction: 1,
  score: 0.985,
  actual: 0.82,
  expected: 0.2,
  normal: 0.19,
  normalScale: 0.012,
  deviations: 52.5,
  seasonal: false,
  components: { forecast: 0.98, changePoint: 0.1, baseline: 0.9, threshold: 0 },
};

describe('toAnomalyDetection', () => {
  it('makes a valid §5.6 record whose explanation says what, how far from normal and since when', () => {
    const record = toAnomalyDetection(
      CLUSTER,
      anomalySignal('pod-cpu')!,
      { namespace: 'todo', pod: 'backend-7d9f8c6b5d-x2k4q' },
      spike,
    );
    expect(NewAnomalyDetection.parse(record)).toBeTruthy();
    expect(record).toMatchObject({
      cluster_id: CLUSTER,
      metric_name: 'container_cpu_usage_seconds_total',
      labels: { namespace: 'todo', pod: 'backend-7d9f8c6b5d-x2k4q', signal: 'pod-cpu', workload: 'backend' },
      detection_type: 'STATISTICAL',
      severity: 'HIGH',
      anomaly_type: 'SPIKE',
      confidence_score: 0.985,
      actual_value: 0.82,
      expected_value: 0.2,
      deviation_percent: 310,
      detected_at: '2026-11-30T01:00:00.000Z',
    });
    expect(record.explanation).toBe(
      'CPU of pod todo/backend-7d9f8c6b5d-x2k4q jumped to 820m cores (4.1× the expected, 52.5 robust deviations above normal; expected about 200m cores, usually 190m cores ± 12m cores) since 2026-11-30T01:00:00Z.',
    );
  });

  it('names a crossed threshold and a drift in words', () => {
    const errors = anomalySignal('workload-error-ratio')!;
    const breach = toAnomalyDetection(
      CLUSTER,
      errors,
      { namespace: 'shop', app: 'cart' },
      { ...spike, type: 'THRESHOLD_BREACH', actual: 0.25, expected: 0.02 },
    );
    expect(breach.explanation).toMatch(/^Error rate of workload shop\/cart crossed the threshold of 10% at 25%/);
    expect(breach.labels?.workload).toBe('cart');
    const drift = toAnomalyDetection(
      CLUSTER,
      anomalySignal('node-memory')!,
      { node: 'worker-1' },
      {
        ...spike,
        type: 'TREND_CHANGE',
        direction: -1,
        actual: 2 ** 30,
        expected: 3 * 2 ** 30,
        normal: 3 * 2 ** 30,
        normalScale: 2 ** 26,
        deviations: -32,
        seasonal: true,
      },
    );
    expect(drift.explanation).toMatch(
      /^Node memory of node worker-1 has been drifting down, now 1 GiB \(67% below the expected, 32\.0 robust deviations below normal; .* for this time of day\)/,
    );
  });

  it('grades severity by confidence', () => {
    expect(severityOf({ score: 0.99, type: 'SPIKE' })).toBe('HIGH');
    expect(severityOf({ score: 0.92, type: 'DROP' })).toBe('MEDIUM');
    expect(severityOf({ score: 0.82, type: 'TREND_CHANGE' })).toBe('LOW');
    expect(severityOf({ score: 0.82, type: 'THRESHOLD_BREACH' })).toBe('HIGH');
  });
});

describe('anomalyDetectedEvent', () => {
  it('carries the anomaly to subscribers, filterable by cluster and namespace, and reads it back', () => {
    const anomaly = AnomalyDetection.parse({
      id: '0b5c7f7e-7c1a-4f57-9a55-3d7f2f6f9e01',
      ...toAnomalyDetection(CLUSTER, anomalySignal('pod-memory')!, { namespace: 'todo', pod: 'db-0' }, spike),
    });
    const event = anomalyDetectedEvent(anomaly);
    expect(event).toMatchObject({
      event_type: 'ANOMALY_DETECTED',
      cluster_id: CLUSTER,
      namespace: 'todo',
      timestamp: anomaly.detected_at,
    });
    expect(anomalyOfEvent(JSON.parse(JSON.stringify(event)))).toEqual(anomaly);
    expect(anomalyOfEvent({ ...event, payload: { anomaly: { id: 'x' } } })).toBeUndefined();
    expect(anomalyOfEvent({ ...event, event_type: 'ALERT_FIRED' })).toBeUndefined();
  });
});

describe('workloadOfPod and formatValue', () => {
  it('strip controller suffixes and print values as people read them', () => {
    expect(workloadOfPod('backend-7d9f8c6b5d-x2k4q')).toBe('backend');
    expect(workloadOfPod('db-0')).toBe('db');
    expect(workloadOfPod('node-agent-x2k4q')).toBe('node-agent');
    expect(workloadOfPod('standalone')).toBe('standalone');
    expect(formatValue(512 * 2 ** 20, 'bytes')).toBe('512 MiB');
    expect(formatValue(0.35, 'seconds')).toBe('350 ms');
    expect(formatValue(2.5, 'cores')).toBe('2.5 cores');
    expect(formatValue(4.25, 'per_second')).toBe('4.25/s');
  });
});
