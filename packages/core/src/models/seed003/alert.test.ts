import { describe, expect, it } from 'vitest';
import { Alert, NewAlert } from './alert.js';

const alert = {
  fingerprint: 'a1b2c3d4e5f6',
  alertname: 'HighCPUUsage',
  severity: 'WARNING',
  state: 'FIRING',
  starts_at: '2026-01-01T00:00:00Z',
};

describe('Alert', () => {
  it('accepts a new alert and defaults labels and annotations to empty', () => {
    expect(NewAlert.parse(alert)).toEqual({ ...alert, labels: {}, annotations: {} });
  });

  it('requires a UUID id once stored', () => {
    expect(Alert.safeParse({ ...alert, id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f' }).success).toBe(true);
    expect(Alert.safeParse(alert).success).toBe(false);
  });

  it('uses the UPPER_SNAKE severity and state enums', () => {
    expect(NewAlert.safeParse({ ...alert, severity: 'CRITICAL', state: 'RESOLVED' }).success).toBe(true);
    expect(NewAlert.safeParse({ ...alert, severity: 'warning' }).success).toBe(false);
    expect(NewAlert.safeParse({ ...alert, severity: 'ERROR' }).success).toBe(false);
    expect(NewAlert.safeParse({ ...alert, state: 'ACTIVE' }).success).toBe(false);
  });

  it('requires a fingerprint and an alert name', () => {
    expect(NewAlert.safeParse({ ...alert, fingerprint: '' }).success).toBe(false);
    expect(NewAlert.safeParse({ ...alert, alertname: '' }).success).toBe(false);
  });

  it('accepts an http(s) generator URL only', () => {
    expect(NewAlert.safeParse({ ...alert, generator_url: 'http://prometheus:9090/graph?g0.expr=up' }).success).toBe(
      true,
    );
    expect(NewAlert.safeParse({ ...alert, generator_url: 'javascript:alert(1)' }).success).toBe(false);
  });
});
