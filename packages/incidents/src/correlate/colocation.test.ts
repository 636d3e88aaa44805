import { describe, expect, it } from 'vitest';
import { Correlator } from './correlator.js';
import type { Signal } from './signal.js';
import { contentionRole } from './topology.js';

const T0 = Date.parse('2026-03-01T09:00:00Z');

function signal(source: Signal['source'], fingerprint: string, labels: Record<string, string>, seconds = 0): Signal {
  return {
    source,
    fingerprint,
    title: labels.alertname ?? labels.signal ?? 'signal',
    severity: 'HIGH',
    state: 'FIRING',
    labels,
    at: new Date(T0 + seconds * 1000).toISOString(),
    resource: { kind: 'Pod', namespace: labels.namespace, name: labels.pod ?? 'x' },
  };
}
const throttled = (workload: string, node: string, seconds = 0) =>
  signal(
    'ALERT',
    `throttle/${workload}`,
    {
      alertname: 'CPUThrottlingHigh',
      namespace: 'shop',
      deployment: workload,
      pod: `${workload}-1`,
      node,
    },
    seconds,
  );
const hog = (workload: string, node: string, seconds = 0) =>
  signal(
    'ANOMALY',
    `cpu/${workload}`,
    {
      signal: 'pod-cpu',
      anomaly_type: 'SPIKE',
      namespace: 'batch',
      workload,
      pod: `${workload}-1`,
      node,
    },
    seconds,
  );

describe('correlation by CPU contention on a node', () => {
  it('names the roles: a CPU rise is pressure, throttling or latency is starvation, anything else neither', () => {
    expect(contentionRole(hog('miner', 'n1'))).toBe('cpu-pressure');
    expect(contentionRole(throttled('api', 'n1'))).toBe('cpu-starved');
    expect(contentionRole({ ...hog('miner', 'n1'), labels: { signal: 'pod-cpu', anomaly_type: 'DROP' } })).toBe(
      undefined,
    );
    expect(contentionRole(signal('ALERT', 'x', { alertname: 'HighErrorRate' }))).toBe(undefined);
  });

  it('joins a hog and the pod it starves on the same node, in either order', () => {
    for (const order of [0, 1]) {
      const c = new Correlator();
      const pair = [throttled('api', 'n1'), hog('miner', 'n1', 30)];
      const [first, second] = order ? [pair[1]!, pair[0]!] : pair;
      const a = c.ingest(first!);
      const b = c.ingest(second!);
      expect(b.kind).toBe('joined');
      expect(b.incident?.id).toBe(a.incident?.id);
    }
  });

  it('keeps them apart on different nodes, and never joins two starved pods (or two hogs) by their node alone', () => {
    const c = new Correlator();
    const api = c.ingest(throttled('api', 'n1'));
    expect(c.ingest(hog('miner', 'n2', 10)).incident?.id).not.toBe(api.incident?.id);
    expect(c.ingest(throttled('web', 'n1', 20)).incident?.id).not.toBe(api.incident?.id);
    const other = new Correlator();
    const one = other.ingest(hog('miner', 'n1'));
    expect(other.ingest(hog('encoder', 'n1', 10)).incident?.id).not.toBe(one.incident?.id);
  });
});
