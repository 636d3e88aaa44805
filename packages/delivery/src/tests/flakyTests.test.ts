import type { TestCaseOutcome } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { flakyTests, slowestTests } from './flakyTests.js';
import type { TestOutcomeRow } from './testHistory.js';

function rows(test_id: string, outcomes: string, commits?: string[], duration = 10): TestOutcomeRow[] {
  return [...outcomes].map((o, i) => ({
    test_id,
    outcome: ({ P: 'PASS', F: 'FAIL', E: 'ERROR', S: 'SKIP' } as Record<string, TestCaseOutcome>)[o]!,
    run_at: new Date(Date.UTC(2026, 10, 1, i)).toISOString(),
    duration_ms: duration,
    report_id: `r${i}`,
    ...(commits ? { commit_sha: commits[i] } : {}),
  }));
}

describe('flakyTests', () => {
  it('flags a test that passed and failed on the same commit', () => {
    const [t] = flakyTests(rows('a', 'PFP', ['aaaaaaa', 'bbbbbbb', 'bbbbbbb']));
    expect(t).toMatchObject({ flaky: true, reason: 'same-commit', flaky_commits: ['bbbbbbb'], failures: 1 });
  });

  it('flags a test whose verdict flips often, not one broken once and fixed', () => {
    const result = flakyTests([...rows('flippy', 'PFPPFPFPPF'), ...rows('broken-then-fixed', 'PPPFFFFPPP')]);
    const flippy = result.find((r) => r.test_id === 'flippy')!;
    const fixed = result.find((r) => r.test_id === 'broken-then-fixed')!;
    expect(flippy).toMatchObject({ flaky: true, reason: 'flip-rate', flip_rate: 0.778 });
    expect(fixed).toMatchObject({ flaky: false, flip_rate: 0.222, failure_rate: 0.4 });
    expect(result[0]!.test_id).toBe('flippy');
  });

  it('leaves skips out and needs enough runs for the flip rule', () => {
    expect(flakyTests(rows('short', 'PFP'))[0]!.flaky).toBe(false);
    const [t] = flakyTests(rows('skips', 'PSPSPSPSE'));
    expect(t).toMatchObject({ runs: 5, failures: 1, flip_rate: 0.25, flaky: false, last_outcome: 'ERROR' });
  });

  it('lists the slowest tests', () => {
    const slow = slowestTests([...rows('fast', 'PP', undefined, 5), ...rows('slow', 'PF', undefined, 900)], 1);
    expect(slow).toEqual([{ test_id: 'slow', avg_duration_ms: 900, runs: 2 }]);
  });
});
