import { describe, expect, it } from 'vitest';
import { HealingRule, NewHealingRule } from './healingRule.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const rule = {
  name: 'restart crash-looping pods',
  condition_type: 'pod-crash-loop',
  condition_config: { restarts: 5 },
  action_type: 'pod:restart',
  action_config: {},
};

describe('HealingRule', () => {
  it('applies the seed defaults', () => {
    expect(NewHealingRule.parse(rule)).toEqual({
      ...rule,
      description: '',
      enabled: true,
      cooldown_seconds: 300,
      max_retries: 3,
    });
  });

  it('bounds cooldown and retries', () => {
    expect(NewHealingRule.safeParse({ ...rule, cooldown_seconds: 0 }).success).toBe(true);
    expect(NewHealingRule.safeParse({ ...rule, cooldown_seconds: -1 }).success).toBe(false);
    expect(NewHealingRule.safeParse({ ...rule, cooldown_seconds: 1.5 }).success).toBe(false);
    expect(NewHealingRule.safeParse({ ...rule, max_retries: 0 }).success).toBe(true);
    expect(NewHealingRule.safeParse({ ...rule, max_retries: 10 }).success).toBe(true);
    expect(NewHealingRule.safeParse({ ...rule, max_retries: 11 }).success).toBe(false);
    expect(NewHealingRule.safeParse({ ...rule, max_retries: -1 }).success).toBe(false);
  });

  it('names a registered action and keeps to the seed column widths', () => {
    expect(NewHealingRule.safeParse({ ...rule, action_type: 'Restart Pod' }).success).toBe(false);
    expect(NewHealingRule.safeParse({ ...rule, condition_type: 'x'.repeat(101) }).success).toBe(false);
    expect(NewHealingRule.safeParse({ ...rule, condition_config: undefined }).success).toBe(false);
  });

  it('accepts a stored rule', () => {
    expect(HealingRule.safeParse({ ...rule, id, created_at: '2026-01-01T00:00:00Z' }).success).toBe(true);
  });
});
