import type { Alert } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { AlertQuery, matchesAlert, parseLabelPairs } from './alertQuery.js';

const alert: Alert = {
  id: '33333333-3333-4333-8333-333333333333',
  fingerprint: 'abc',
  cluster_id: '11111111-1111-4111-8111-111111111111',
  cluster_name: 'prod',
  alertname: 'HighCPU',
  severity: 'CRITICAL',
  state: 'FIRING',
  labels: { alertname: 'HighCPU', namespace: 'todo' },
  annotations: {},
  starts_at: '2026-03-01T10:00:00.000Z',
};

describe('alert queries', () => {
  it('match on cluster, state, severity, labels, name and time', () => {
    const q = (input: unknown) => matchesAlert(alert, AlertQuery.parse(input));
    expect(q({})).toBe(true);
    expect(q({ cluster_ids: [alert.cluster_id], states: ['FIRING'], severities: ['CRITICAL'] })).toBe(true);
    expect(q({ states: ['RESOLVED'] })).toBe(false);
    expect(q({ severities: ['WARNING', 'INFO'] })).toBe(false);
    expect(q({ labels: { namespace: 'todo' } })).toBe(true);
    expect(q({ labels: { namespace: 'shop' } })).toBe(false);
    expect(q({ alertname: 'Other' })).toBe(false);
    expect(q({ since: '2026-03-01T10:00:00.000Z', until: '2026-03-01T10:00:00.001Z' })).toBe(true);
    expect(q({ since: '2026-03-01T10:00:00.001Z' })).toBe(false);
    expect(q({ cluster_ids: ['22222222-2222-4222-8222-222222222222'] })).toBe(false);
  });

  it('parse name=value label pairs, refusing anything else', () => {
    expect(parseLabelPairs(['severity=critical,namespace=todo', 'team = ops'])).toEqual({
      labels: { severity: 'critical', namespace: 'todo', team: 'ops' },
    });
    expect(parseLabelPairs(['=x'])).toEqual({ error: 'label filter "=x" is not name=value' });
    expect(parseLabelPairs(['novalue'])).toHaveProperty('error');
  });
});
