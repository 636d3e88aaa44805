import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASKS } from './__fixtures__/paraphraseTasks.js';
import { createSuiteHarness } from './__fixtures__/suiteHarness.js';

// The paraphrase suite of issue 22: every task type said eight ways, each wording planned by the offline planner
// from plain English, carried out by the lifecycle's step runner (apply, verify, roll back on failure) against the
// simulated cluster, and judged by the state the cluster is left in (reads by the answer, refusals by the absence of
// a plan). Prints the pass rate per task type.
const suite = createSuiteHarness();

beforeAll(() => suite.start(), 120_000);
afterAll(() => suite.stop('paraphrase suite'));

describe('paraphrase suite: plain English run end to end on the simulated cluster, judged by its state', () => {
  it('has at least 50 task types of at least 8 wordings (400 requests)', () => {
    expect(TASKS.length).toBeGreaterThanOrEqual(50);
    expect(TASKS.every((t) => t.say.length >= 8)).toBe(true);
    expect(TASKS.reduce((s, t) => s + t.say.length, 0)).toBeGreaterThanOrEqual(400);
  });

  it.each(TASKS.map((t) => [t.id, t] as const))('%s', async (_id, task) => {
    const record = await suite.runTask(task);
    expect(record.passed / record.total, record.failures.join('\n')).toBeGreaterThanOrEqual(0.7);
  });

  it('passes at least 90 % overall', () => {
    expect(suite.overall()).toBeGreaterThanOrEqual(0.9);
  });
});
