import { describe, expect, it } from 'vitest';
import { MAX_RECENT_OUTCOMES, NewTestIntelligence, TestIntelligence } from './testIntelligence.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';
const test = { test_id: 'api/src/user.test.ts > creates a user' };

describe('TestIntelligence', () => {
  it('starts with an empty history', () => {
    expect(NewTestIntelligence.parse(test)).toEqual({
      ...test,
      flakiness: 0,
      failure_rate: 0,
      avg_duration_ms: 0,
      runs: 0,
      last_results: [],
      covered_paths: [],
    });
  });

  it('bounds flakiness and failure rate to 0..1', () => {
    const ran = { ...test, runs: 10 };
    expect(NewTestIntelligence.safeParse({ ...ran, flakiness: 1, failure_rate: 0.3 }).success).toBe(true);
    expect(NewTestIntelligence.safeParse({ ...ran, flakiness: 1.5 }).success).toBe(false);
    expect(NewTestIntelligence.safeParse({ ...ran, failure_rate: -0.1 }).success).toBe(false);
  });

  it('has no rates without runs', () => {
    const r = NewTestIntelligence.safeParse({ ...test, failure_rate: 0.5 });
    expect(r.error?.issues[0]?.message).toBe('a test that never ran has no flakiness or failure rate');
  });

  it('keeps at most the recent outcomes it has seen', () => {
    const full = Array.from({ length: MAX_RECENT_OUTCOMES }, () => 'PASS');
    expect(NewTestIntelligence.safeParse({ ...test, runs: 60, last_results: full }).success).toBe(true);
    const tooMany = [...full, 'FAIL'];
    expect(NewTestIntelligence.safeParse({ ...test, runs: 60, last_results: tooMany }).success).toBe(false);
    expect(NewTestIntelligence.safeParse({ ...test, runs: 1, last_results: ['PASS', 'FAIL'] }).success).toBe(false);
    expect(NewTestIntelligence.safeParse({ ...test, runs: 1, last_results: ['pass'] }).success).toBe(false);
  });

  it('needs updated_at once stored', () => {
    expect(TestIntelligence.safeParse({ ...test, id, updated_at: at }).success).toBe(true);
    expect(TestIntelligence.safeParse({ ...test, id }).success).toBe(false);
  });
});
