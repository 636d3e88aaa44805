import { describe, expect, it } from 'vitest';
import type { Signal } from '../correlate/signal.js';
import { signalSighting } from './signalSighting.js';

const AT = '2026-03-01T09:00:00.000Z';
const base: Signal = {
  source: 'ALERT',
  fingerprint: 'f',
  title: 't',
  severity: 'HIGH',
  state: 'FIRING',
  resource: { kind: 'Pod', namespace: 'shop', name: 'api-7d9-x' },
  labels: { alertname: 'HighErrorRate' },
  at: AT,
};
const api = { kind: 'Deployment', namespace: 'shop', name: 'api' };

describe('the cause of a signal without a sighting', () => {
  it('names the class and the object the cause belongs to, seen once now, marked derived', () => {
    expect(signalSighting(base, api)).toEqual({
      identity: 'HighErrorRate:deployment/shop/api',
      first_seen: AT,
      last_seen: AT,
      runs: 1,
      derived: true,
    });
    expect(signalSighting(base)?.identity).toBe('HighErrorRate:pod/shop/api-7d9-x');
  });

  it('takes the class from reason, alertname, analyzer, then metric and anomaly type', () => {
    const identity = (labels: Record<string, string>) => signalSighting({ ...base, labels }, api)?.identity;
    expect(identity({ reason: 'BackOff', alertname: 'X' })).toBe('BackOff:deployment/shop/api');
    expect(identity({ analyzer: 'pod-crash-loop' })).toBe('pod-crash-loop:deployment/shop/api');
    expect(identity({ metric: 'pod-cpu', anomaly_type: 'SPIKE' })).toBe('pod-cpu/spike:deployment/shop/api');
    expect(identity({ foo: 'bar' })).toBeUndefined();
  });

  it('derives nothing for a signal with its own sighting, a cleared one, or one naming no object', () => {
    const sighting = { identity: 'x', first_seen: AT, last_seen: AT, runs: 2 };
    expect(signalSighting({ ...base, sighting })).toBeUndefined();
    expect(signalSighting({ ...base, state: 'CLEARED' })).toBeUndefined();
    const { resource: _, ...noObject } = base;
    expect(signalSighting(noObject)).toBeUndefined();
  });
});
