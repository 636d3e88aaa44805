import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOURTH_ROUND_WORDINGS, HELD_OUT_TASKS } from './__fixtures__/heldOutTasks.js';
import { createSuiteHarness } from './__fixtures__/suiteHarness.js';

// The held-out set of issue 22 (wordings written without reading the planner, unlike the paraphrase suite's), run the
// same way as the paraphrase suite: planned offline, carried out by the step runner on the simulated cluster, judged
// by the state left behind. The floors are the measured pass rates (see the package README), so a change to the
// planner may raise them but not lower them.
// Measured 2026-12-07. First round (164 wordings): 115 (70.1 %), then 144 (87.8 %), then 164/164 after the general
// fixes of docs/ask.md. Second round (28, written before those fixes): 12/28 before, 28/28 after. Third round (14,
// written after the fixes and measured once before any change for it): 10/14, then 14/14. All 206 pass.
// Fourth round (24, written before reading the planner's code, two of them the third round's known misreads), run
// once before any change for it: 16/24 (66.7 %); rounds one to three still 206/206. After general fixes (docs/ask.md,
// each with variants outside the round in the phrasing suite): 24/24, all 230 pass.
// The floors sit just under that: a wording is judged by a rollout on the simulated cluster, and one verification
// that runs out of time on a loaded machine must not fail the suite, while losing a wording class still does.
const FLOOR_OVERALL = 0.97;
const FLOOR_PER_TASK_DEFAULT = 0.75;
const FLOOR_PER_TASK: Record<string, number> = {};

const suite = createSuiteHarness();

beforeAll(() => suite.start(), 120_000);
afterAll(() => {
  const missed = FOURTH_ROUND_WORDINGS.filter((say) =>
    suite.rates.some((r) => r.failures.some((f) => f.startsWith(`"${say}"`))),
  );
  console.log(`held-out round 4: ${FOURTH_ROUND_WORDINGS.length - missed.length}/${FOURTH_ROUND_WORDINGS.length}`);
  return suite.stop('held-out set');
});

describe('held-out set: fresh wordings run end to end on the simulated cluster, judged by its state', () => {
  it('has at least 120 requests', () => {
    expect(HELD_OUT_TASKS.reduce((s, t) => s + t.say.length, 0)).toBeGreaterThanOrEqual(120);
  });

  it.each(HELD_OUT_TASKS.map((t) => [t.id, t] as const))('%s', async (_id, task) => {
    const record = await suite.runTask(task);
    expect(record.passed / record.total, record.failures.join('\n')).toBeGreaterThanOrEqual(
      FLOOR_PER_TASK[task.id] ?? FLOOR_PER_TASK_DEFAULT,
    );
  });

  it('keeps the measured overall pass rate', () => {
    expect(suite.overall()).toBeGreaterThanOrEqual(FLOOR_OVERALL);
  });
});
