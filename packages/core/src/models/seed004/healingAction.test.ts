import { describe, expect, it } from 'vitest';
import { HealingAction, NewHealingAction } from './healingAction.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-01-01T00:00:30.000Z';
const action = { rule_id: id, target: 'pod/todo/backend-7d9f-abcde' };

describe('HealingAction', () => {
  it('starts as a pending first attempt for real', () => {
    expect(NewHealingAction.parse(action)).toEqual({
      ...action,
      trigger: 'RULE',
      status: 'PENDING',
      dry_run: false,
      attempt: 1,
      result: {},
    });
  });

  it('names its rule unless a person applied the fix (trigger MANUAL)', () => {
    const { rule_id: _rule, ...manual } = action;
    expect(NewHealingAction.safeParse(manual).success).toBe(false);
    expect(NewHealingAction.parse({ ...manual, trigger: 'MANUAL' })).toMatchObject({ trigger: 'MANUAL' });
  });

  it('bounds attempts to the first try plus ten retries', () => {
    expect(NewHealingAction.safeParse({ ...action, attempt: 11 }).success).toBe(true);
    expect(NewHealingAction.safeParse({ ...action, attempt: 12 }).success).toBe(false);
    expect(NewHealingAction.safeParse({ ...action, attempt: 0 }).success).toBe(false);
  });

  it('refuses a finish before the start', () => {
    const done = { ...action, id, created_at: t0, status: 'SUCCEEDED', started_at: t0, finished_at: t1 };
    expect(HealingAction.safeParse(done).success).toBe(true);
    const r = HealingAction.safeParse({ ...done, started_at: t1, finished_at: t0 });
    expect(r.error?.issues[0]?.path).toEqual(['finished_at']);
  });

  it.each(['deployment/todo/backend', 'node/worker-1'])('accepts the target %s', (target) => {
    expect(NewHealingAction.safeParse({ ...action, target }).success).toBe(true);
  });

  it.each(['backend', 'Pod/todo/x', 'pod/todo/x/y', 'pod//x', ''])('refuses the target %j', (target) => {
    expect(NewHealingAction.safeParse({ ...action, target }).success).toBe(false);
  });

  it('refuses unknown statuses', () => {
    expect(NewHealingAction.safeParse({ ...action, status: 'DONE' }).success).toBe(false);
  });
});
