import { describe, expect, it } from 'vitest';
import { AuditTrailEntry, GENESIS_HASH, NewAuditTrailEntry } from './auditTrailEntry.js';

const entry = {
  interaction_id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  sequence: 1,
  timestamp: '2026-01-01T00:00:00.000Z',
  ai_tool: 'opspilot-planner',
  input_prompt: 'scale backend to 3 replicas',
  output_generated: 'kubectl scale deployment backend --replicas=3',
  user_id: 'admin',
  status: 'SUCCESS',
  action: 'plan.applied',
  prev_hash: GENESIS_HASH,
  hash: 'a'.repeat(64),
};

describe('AuditTrailEntry', () => {
  it('accepts a chained entry and defaults details', () => {
    expect(AuditTrailEntry.parse(entry).details).toEqual({});
  });

  it('refuses a malformed hash, a zero sequence and a lowercase status', () => {
    expect(AuditTrailEntry.safeParse({ ...entry, hash: 'xyz' }).success).toBe(false);
    expect(AuditTrailEntry.safeParse({ ...entry, sequence: 0 }).success).toBe(false);
    expect(AuditTrailEntry.safeParse({ ...entry, status: 'success' }).success).toBe(false);
    expect(AuditTrailEntry.safeParse({ ...entry, timestamp: '2026-01-01 10:00' }).success).toBe(false);
  });

  it('lets a caller append with only user, action and defaults', () => {
    const parsed = NewAuditTrailEntry.parse({ user_id: 'alice', action: 'cluster.created' });
    expect(parsed).toMatchObject({ ai_tool: 'none', status: 'SUCCESS', input_prompt: '', details: {} });
    expect('hash' in parsed).toBe(false);
  });
});
