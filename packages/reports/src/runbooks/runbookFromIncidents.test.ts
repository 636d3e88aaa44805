import type { Incident, IncidentAction } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { runbookFromIncidents } from './runbookFromIncidents.js';

const incident = (id: string, resolved?: string): Incident =>
  ({
    id,
    title: 'backend pods OOMKilled',
    description: 'backend restarts with exit code 137',
    severity: 'HIGH',
    status: resolved ? 'RESOLVED' : 'INVESTIGATING',
    detected_at: '2026-12-01T10:00:00.000Z',
    resolved_at: resolved,
    root_cause: 'memory limit 256Mi below the working set',
    affected_resources: [{ kind: 'Deployment', namespace: 'todo', name: 'backend' }],
    created_at: '2026-12-01T10:00:00.000Z',
  }) as Incident;
const action = (incident_id: string, type: string, description: string, at: string, status = 'SUCCEEDED') =>
  ({
    id: `${incident_id}-${type}`,
    incident_id,
    action_type: type,
    description,
    actor: 'ana',
    status,
    result: {},
    performed_at: at,
  }) as IncidentAction;

describe('runbookFromIncidents', () => {
  it('writes symptoms, cause and the steps that worked in order, with their use count', () => {
    const a = '6f1c0c34-0a43-4b7e-9f53-2a1d1d3b1a01';
    const b = '6f1c0c34-0a43-4b7e-9f53-2a1d1d3b1a02';
    const md = runbookFromIncidents([
      {
        incident: incident(a, '2026-12-01T10:30:00.000Z'),
        timeline: [
          action(a, 'acknowledge', '', '2026-12-01T10:01:00.000Z'),
          action(a, 'raise-memory', 'set memory limit of backend to 512Mi', '2026-12-01T10:10:00.000Z'),
          action(a, 'rollback', 'undo backend', '2026-12-01T10:05:00.000Z', 'FAILED'),
          action(a, 'resolve', '', '2026-12-01T10:30:00.000Z'),
        ],
      },
      {
        incident: incident(b, '2026-12-01T10:40:00.000Z'),
        timeline: [action(b, 'raise-memory', 'set memory limit of backend to 512Mi', '2026-12-01T10:20:00.000Z')],
      },
    ]);
    expect(md).toContain('# Runbook: backend pods OOMKilled');
    expect(md).toContain('- memory limit 256Mi below the working set');
    expect(md).toContain('- `Deployment/todo/backend`');
    expect(md).toContain('1. raise-memory: set memory limit of backend to 512Mi (used in 2 of 2)');
    expect(md).not.toContain('rollback');
    expect(md).toContain('median 35 min over 2 incidents');
  });

  it('refuses an incident that is not resolved', () => {
    expect(() => runbookFromIncidents([{ incident: incident('x'), timeline: [] }])).toThrow(/not resolved/);
    expect(() => runbookFromIncidents([])).toThrow(/no incidents/);
  });
});
