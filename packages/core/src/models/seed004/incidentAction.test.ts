import { describe, expect, it } from 'vitest';
import { IncidentAction, NewIncidentAction } from './incidentAction.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const action = { incident_id: id, action_type: 'rollback', actor: 'alice' };

describe('IncidentAction', () => {
  it('applies the defaults', () => {
    expect(NewIncidentAction.parse(action)).toEqual({ ...action, description: '', status: 'PENDING', result: {} });
  });

  it('needs an actor and an action type', () => {
    expect(NewIncidentAction.safeParse({ ...action, actor: '' }).success).toBe(false);
    expect(NewIncidentAction.safeParse({ ...action, action_type: '' }).success).toBe(false);
    expect(NewIncidentAction.safeParse({ ...action, action_type: 'x'.repeat(101) }).success).toBe(false);
  });

  it('refuses unknown statuses', () => {
    expect(NewIncidentAction.safeParse({ ...action, status: 'succeeded' }).success).toBe(false);
  });

  it('needs performed_at once stored', () => {
    expect(IncidentAction.safeParse({ ...action, id }).success).toBe(false);
    expect(IncidentAction.safeParse({ ...action, id, performed_at: at }).success).toBe(true);
  });
});
