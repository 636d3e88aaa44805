import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { Anomaly } from './anomaly.js';
import { AnomalySchedule } from './anomalySchedule.js';
import { BASELINE_REQUESTS_PER_SECOND, podUsage } from './usageModel.js';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const MI = 1024 * 1024;

function pod(limits: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'backend-1', namespace: 'todo', labels: { app: 'backend' } },
    spec: { containers: [{ name: 'backend', image: 'todo/backend:1.0', resources: { limits } }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'backend', ready: true, state: { running: { startedAt: T0.toISOString() } } }],
    },
  };
}
const schedule = (spec: Record<string, unknown>) => {
  const s = new AnomalySchedule();
  s.add(Anomaly.parse({ apiVersion: 'sim.opspilot.dev/v1', kind: 'Anomaly', metadata: { name: 'a' }, spec }), T0);
  return s;
};

describe('podUsage', () => {
  it('uses the image profile when nothing is planted, with counters growing with uptime', () => {
    const [usage] = podUsage(pod(), at(10), new AnomalySchedule());
    expect(usage).toMatchObject({ container: 'backend', cpuMillicores: 50, memoryBytes: 180 * MI, errorRatio: 0 });
    expect(usage?.cpuSecondsTotal).toBeCloseTo(0.05 * 600);
    expect(usage?.requestsTotal).toBe(BASELINE_REQUESTS_PER_SECOND * 600);
    expect(usage?.errorsTotal).toBe(0);
  });

  it('multiplies CPU during a spike, held at the CPU limit, and counts the extra seconds', () => {
    const spike = schedule({ type: 'cpu-spike', namespace: 'todo', after: '5m', duration: '10m', magnitude: 20 });
    expect(podUsage(pod(), at(6), spike)[0]?.cpuMillicores).toBe(1000);
    const limited = podUsage(pod({ cpu: '500m' }), at(6), spike)[0]!;
    expect(limited.cpuMillicores).toBe(500);
    // 6 minutes at 50m plus 1 minute of 450m extra.
    expect(limited.cpuSecondsTotal).toBeCloseTo(0.05 * 360 + 0.45 * 60);
    expect(podUsage(pod(), at(20), spike)[0]?.cpuMillicores).toBe(50);
  });

  it('grows memory during a leak and fails requests during an error burst', () => {
    const leak = schedule({ type: 'memory-leak', namespace: 'todo', after: '0s', magnitude: 10 });
    expect(podUsage(pod(), at(30), leak)[0]?.memoryBytes).toBe((180 + 300) * MI);
    const burst = schedule({ type: 'error-burst', namespace: 'todo', after: '2m', duration: '1m', magnitude: 0.5 });
    expect(podUsage(pod(), at(2.5), burst)[0]?.errorRatio).toBe(0.5);
    const after = podUsage(pod(), at(5), burst)[0]!;
    expect(after.errorRatio).toBe(0);
    expect(after.errorsTotal).toBe(0.5 * BASELINE_REQUESTS_PER_SECOND * 60);
  });

  it('leaves out containers that are not running', () => {
    const waiting = pod();
    (waiting.status as { containerStatuses: unknown[] }).containerStatuses = [
      { name: 'backend', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } },
    ];
    expect(podUsage(waiting, at(1), new AnomalySchedule())).toEqual([]);
  });
});
