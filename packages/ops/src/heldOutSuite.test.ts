import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_OUT_TASKS } from './__fixtures__/heldOutTasks.js';
import { createSuiteHarness } from './__fixtures__/suiteHarness.js';

// The held-out set of issue 22 (wordings written without reading the planner, unlike the paraphrase suite's), run the
// same way as the paraphrase suite: planned offline, carried out by the step runner on the simulated cluster, judged
// by the state left behind. The floors are the measured pass rates (see the package README), so a change to the
// planner may raise them but not lower them.
// Measured 2026-12-07: first 115/164 (70.1 %), after the general fixes 144/164 (87.8 %); task types not listed pass 4/4.
const FLOOR_OVERALL = 144 / 164;
const FLOOR_PER_TASK: Record<string, number> = {
  'scale to a count': 2 / 4,
  'scale down by a percentage': 3 / 4,
  'scale to zero': 3 / 4,
  'set a memory limit': 3 / 4,
  'add a label': 3 / 4,
  'switch traffic (blue/green)': 2 / 4,
  'create a namespace': 3 / 4,
  'pod with a ConfigMap volume': 1 / 4,
  'deployment with resources': 3 / 4,
  'create a service account': 3 / 4,
  'read-only access for a service account': 3 / 4,
  'allow traffic from one app (NetworkPolicy)': 1 / 4,
  'autoscale (HPA)': 3 / 4,
  'why is it pending': 3 / 4,
};

const suite = createSuiteHarness();

beforeAll(() => suite.start(), 120_000);
afterAll(() => suite.stop('held-out set'));

describe('held-out set: fresh wordings run end to end on the simulated cluster, judged by its state', () => {
  it('has at least 120 requests', () => {
    expect(HELD_OUT_TASKS.reduce((s, t) => s + t.say.length, 0)).toBeGreaterThanOrEqual(120);
  });

  it.each(HELD_OUT_TASKS.map((t) => [t.id, t] as const))('%s', async (_id, task) => {
    const record = await suite.runTask(task);
    expect(record.passed / record.total, record.failures.join('\n')).toBeGreaterThanOrEqual(
      FLOOR_PER_TASK[task.id] ?? 1,
    );
  });

  it('keeps the measured overall pass rate', () => {
    expect(suite.overall()).toBeGreaterThanOrEqual(FLOOR_OVERALL);
  });
});
