import { describe, expect, it } from 'vitest';
import { HealingPattern, NewHealingPattern } from './healingPattern.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const pattern = { signature: 'Pod:CrashLoopBackOff:OOMKilled', recommended_action: 'deployment:raise-memory' };

describe('HealingPattern', () => {
  it('starts unseen', () => {
    expect(NewHealingPattern.parse(pattern)).toEqual({
      ...pattern,
      description: '',
      occurrences: 0,
      success_rate: 0,
    });
  });

  it('bounds the success rate to 0..1', () => {
    const seen = { ...pattern, occurrences: 4 };
    expect(NewHealingPattern.safeParse({ ...seen, success_rate: 1 }).success).toBe(true);
    expect(NewHealingPattern.safeParse({ ...seen, success_rate: 1.01 }).success).toBe(false);
    expect(NewHealingPattern.safeParse({ ...seen, success_rate: -0.5 }).success).toBe(false);
  });

  it('has no success rate before it was seen', () => {
    const r = NewHealingPattern.safeParse({ ...pattern, success_rate: 0.5 });
    expect(r.error?.issues[0]?.message).toBe('a pattern never seen has no success rate');
  });

  it('recommends a registered action and counts whole occurrences', () => {
    expect(NewHealingPattern.safeParse({ ...pattern, recommended_action: 'Raise memory' }).success).toBe(false);
    expect(NewHealingPattern.safeParse({ ...pattern, occurrences: 1.5 }).success).toBe(false);
    expect(HealingPattern.safeParse({ ...pattern, id, created_at: at }).success).toBe(true);
  });
});
