import { describe, expect, it } from 'vitest';
import { Incident, NewIncident } from './incident.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-01T00:05:00.000Z';
const incident = { id, title: 'backend down', severity: 'CRITICAL', detected_at: t0, created_at: t0 };

describe('Incident', () => {
  it('applies the defaults', () => {
    expect(NewIncident.parse({ title: 'backend down', severity: 'HIGH' })).toEqual({
      title: 'backend down',
      severity: 'HIGH',
      description: '',
      status: 'DETECTED',
      affected_resources: [],
    });
  });

  it('refuses the lowercase enums of the seed SQL and an empty or long title', () => {
    expect(Incident.safeParse({ ...incident, severity: 'critical' }).success).toBe(false);
    expect(Incident.safeParse({ ...incident, status: 'detected' }).success).toBe(false);
    expect(Incident.safeParse({ ...incident, title: '' }).success).toBe(false);
    expect(Incident.safeParse({ ...incident, title: 'x'.repeat(256) }).success).toBe(false);
  });

  it('sets resolved_at exactly when resolved', () => {
    expect(Incident.safeParse({ ...incident, status: 'RESOLVED', resolved_at: t1 }).success).toBe(true);
    const missing = Incident.safeParse({ ...incident, status: 'RESOLVED' });
    expect(missing.error?.issues[0]).toMatchObject({ path: ['resolved_at'] });
    expect(NewIncident.safeParse({ title: 't', severity: 'LOW', resolved_at: t1 }).success).toBe(false);
  });

  it('acknowledges with a time and a responder together, not before detection', () => {
    const acked = { ...incident, acknowledged_at: t1, acknowledged_by: 'alice' };
    expect(Incident.safeParse(acked).success).toBe(true);
    expect(Incident.safeParse({ ...incident, acknowledged_at: t1 }).success).toBe(false);
    expect(Incident.safeParse({ ...incident, acknowledged_by: 'alice' }).success).toBe(false);
    const early = Incident.safeParse({ ...acked, detected_at: t1, acknowledged_at: t0 });
    expect(early.error?.issues[0]?.message).toBe('acknowledged_at must not be before detected_at');
  });

  it('refuses a resolution before detection', () => {
    const r = Incident.safeParse({ ...incident, detected_at: t1, status: 'RESOLVED', resolved_at: t0 });
    expect(r.error?.issues[0]?.message).toBe('resolved_at must not be before detected_at');
  });

  it('types affected resources', () => {
    const ok = { ...incident, affected_resources: [{ kind: 'Deployment', namespace: 'todo', name: 'backend' }] };
    expect(Incident.safeParse(ok).success).toBe(true);
    expect(Incident.safeParse({ ...incident, affected_resources: ['todo/backend'] }).success).toBe(false);
  });
});
