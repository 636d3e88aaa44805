import { describe, expect, it } from 'vitest';
import { evaluatePredictor, predictFailures } from './failurePredictor.js';
import { syntheticTestHistory } from './syntheticTestHistory.js';

describe('failure predictor', () => {
  const history = syntheticTestHistory({ seed: 7, runs: 120, testsPerModule: 6 });

  it('is deterministic and beats always predicting a pass on a synthetic history', () => {
    const a = evaluatePredictor(history);
    expect(evaluatePredictor(history)).toEqual(a);
    expect(a.status).toBe('ok');
    expect(a.accuracy!).toBeGreaterThan(a.baseline_accuracy!);
    expect(a.recall!).toBeGreaterThan(0.3);
    expect(a.precision!).toBeGreaterThan(0.5);
  });

  it('ranks the tests of the module a change touches above those of other healthy modules', () => {
    const last = history.at(-1)!;
    const failing = new Set(last.results.filter((r) => r.outcome === 'FAIL').map((r) => r.file?.split('/')[0]));
    const healthy = ['api', 'web', 'billing', 'auth', 'search', 'storage'].filter((m) => !failing.has(m));
    const module = healthy[0]!;
    const p = predictFailures(history, [`${module}/src/file1.ts`]);
    expect(p.status).toBe('ok');
    const inModule = (t: { test_id: string }) => t.test_id.startsWith(`${module} >`);
    const elsewhere = (t: { test_id: string }) => healthy.some((m) => m !== module && t.test_id.startsWith(`${m} >`));
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const mine = median(p.tests.filter(inModule).map((t) => t.probability));
    const others = median(p.tests.filter(elsewhere).map((t) => t.probability));
    expect(mine).toBeGreaterThan(others);
    expect(p.weights.change_touches_test).toBeGreaterThan(0);
    expect(p.risk).toBeGreaterThan(0);
    expect(Object.keys(p.tests[0]!.contributions)).toContain('recent_failure_rate');
  });

  it('says "not enough data" for a short history', () => {
    const short = syntheticTestHistory({ runs: 10 });
    expect(predictFailures(short, ['api/src/a.ts'])).toMatchObject({
      status: 'not enough data',
      risk: null,
      tests: [],
    });
    expect(evaluatePredictor(short)).toMatchObject({ status: 'not enough data', accuracy: null });
  });
});
