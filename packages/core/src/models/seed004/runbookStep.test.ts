import { describe, expect, it } from 'vitest';
import { ActionId, RunbookStep } from './runbookStep.js';

const step = { id: 'rollback', name: 'Roll back backend', action: 'deployment:rollback', effect: 'WRITE' };

describe('RunbookStep', () => {
  it('applies the defaults', () => {
    expect(RunbookStep.parse(step)).toEqual({ ...step, input: {}, timeout_seconds: 300, continue_on_failure: false });
  });

  it('bounds the timeout to one hour', () => {
    expect(RunbookStep.safeParse({ ...step, timeout_seconds: 3600 }).success).toBe(true);
    expect(RunbookStep.safeParse({ ...step, timeout_seconds: 3601 }).success).toBe(false);
    expect(RunbookStep.safeParse({ ...step, timeout_seconds: 0 }).success).toBe(false);
  });

  it('refuses unknown effects and malformed step ids', () => {
    expect(RunbookStep.safeParse({ ...step, effect: 'write' }).success).toBe(false);
    expect(RunbookStep.safeParse({ ...step, id: 'Roll Back' }).success).toBe(false);
  });
});

describe('ActionId', () => {
  it.each(['deployment:rollback', 'pod:restart', 'scale.up-1'])('accepts %s', (id) => {
    expect(ActionId.safeParse(id).success).toBe(true);
  });

  it.each(['Delete PVC', ':rollback', '', 'a'.repeat(101)])('refuses %j', (id) => {
    expect(ActionId.safeParse(id).success).toBe(false);
  });
});
