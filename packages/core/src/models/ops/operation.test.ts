import { describe, expect, it } from 'vitest';
import { OPERATION_TRANSITIONS, Operation, OperationState } from './operation.js';

const plan = {
  request: 'scale backend to 3',
  summary: 'Scale deployment backend in todo to 3 replicas',
  steps: [
    {
      op: 'scale',
      target: { kind: 'Deployment', name: 'backend', namespace: 'todo' },
      replicas: 3,
      description: 'scale',
    },
  ],
  risk: 'write',
  riskReasons: ['changes deployment todo/backend'],
  rendered: { bash: 'kubectl scale', powershell: 'kubectl scale' },
  planner: 'offline',
};

describe('Operation', () => {
  it('parses a proposed operation with defaults', () => {
    const op = Operation.parse({
      id: '3f1c8a52-5f0e-4b8e-9d4c-2b1d7f0e6a11',
      request: 'scale backend to 3',
      plan,
      risk: 'write',
      risk_reasons: [],
      state: 'NEEDS_REVIEW',
      proposed_by: 'alice',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    expect(op.steps).toEqual([]);
    expect(op.confirmations).toEqual([]);
  });

  it('ends in terminal states that allow no further move', () => {
    for (const terminal of ['APPLIED', 'FAILED', 'REJECTED', 'INVALID'] as const)
      expect(OPERATION_TRANSITIONS[terminal]).toEqual([]);
    for (const state of OperationState.options)
      for (const next of OPERATION_TRANSITIONS[state]) expect(OperationState.options).toContain(next);
    expect(OPERATION_TRANSITIONS.NEEDS_REVIEW).not.toContain('APPLYING');
  });
});
