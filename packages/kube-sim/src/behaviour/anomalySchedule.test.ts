import { describe, expect, it } from 'vitest';
import { Anomaly } from './anomaly.js';
import { AnomalySchedule } from './anomalySchedule.js';

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const backend = { metadata: { namespace: 'todo', labels: { app: 'backend' } } };
const frontend = { metadata: { namespace: 'todo', labels: { app: 'frontend' } } };
const anomaly = (spec: Record<string, unknown>) =>
  Anomaly.parse({ apiVersion: 'sim.opspilot.dev/v1', kind: 'Anomaly', metadata: { name: 'a' }, spec });

describe('AnomalySchedule', () => {
  it('activates an anomaly for the selected pods during its window only', () => {
    const schedule = new AnomalySchedule();
    schedule.add(
      anomaly({ type: 'cpu-spike', namespace: 'todo', selector: { app: 'backend' }, after: '5m', duration: '10m' }),
      T0,
    );
    expect(schedule.activeFor(backend, at(4))).toEqual([]);
    expect(schedule.activeFor(backend, at(6))).toEqual([
      { name: 'a', type: 'cpu-spike', magnitude: 8, elapsedMs: 60_000 },
    ]);
    expect(schedule.activeFor(frontend, at(6))).toEqual([]);
    expect(schedule.activeFor({ metadata: { namespace: 'other', labels: { app: 'backend' } } }, at(6))).toEqual([]);
    expect(schedule.activeFor(backend, at(15))).toEqual([]);
  });

  it('repeats with `every` and lasts for ever without a duration', () => {
    const schedule = new AnomalySchedule();
    schedule.add(anomaly({ type: 'error-burst', namespace: 'todo', after: '1m', duration: '2m', every: '10m' }), T0);
    expect(schedule.activeFor(frontend, at(2))).toHaveLength(1);
    expect(schedule.activeFor(frontend, at(5))).toHaveLength(0);
    expect(schedule.activeFor(frontend, at(12))[0]?.elapsedMs).toBe(60_000);
    const forever = new AnomalySchedule();
    forever.add(anomaly({ type: 'memory-leak', namespace: 'todo', magnitude: 10 }), T0);
    expect(forever.activeFor(backend, at(10_000))[0]).toMatchObject({ magnitude: 10, elapsedMs: 600_000_000 });
  });

  it('measures how long anomalies overlapped a span, across repetitions', () => {
    const schedule = new AnomalySchedule();
    schedule.add(anomaly({ type: 'cpu-spike', namespace: 'todo', after: '1m', duration: '2m', every: '10m' }), T0);
    // windows [1,3), [11,13), [21,23): from minute 2 to minute 22 that is 1 + 2 + 1 minutes.
    expect(schedule.overlaps(backend, 'cpu-spike', at(2), at(22))).toEqual([{ magnitude: 8, ms: 240_000 }]);
    expect(schedule.overlaps(backend, 'error-burst', at(2), at(22))).toEqual([]);
    expect(schedule.overlaps(backend, 'cpu-spike', at(4), at(10))).toEqual([]);
  });

  it('refuses malformed anomalies with the field at fault', () => {
    const bad = (spec: Record<string, unknown>) =>
      Anomaly.safeParse({ apiVersion: 'sim.opspilot.dev/v1', kind: 'Anomaly', metadata: { name: 'a' }, spec });
    expect(bad({ type: 'disk-full', namespace: 'x' }).success).toBe(false);
    expect(bad({ type: 'cpu-spike', namespace: 'x', after: 'soon' }).error?.issues[0]?.path).toEqual(['spec', 'after']);
    expect(bad({ type: 'cpu-spike', namespace: 'x', every: '5m' }).error?.issues[0]?.path).toEqual(['spec', 'every']);
    expect(bad({ type: 'cpu-spike', namespace: 'x', duration: '10m', every: '5m' }).success).toBe(false);
    expect(bad({ type: 'cpu-spike', namespace: 'x', magnitude: -1 }).success).toBe(false);
  });
});
