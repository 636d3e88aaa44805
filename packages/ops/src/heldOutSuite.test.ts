import { createPlannerSession, planRequest } from '@opspilot/ai';
import { ManualClock, type PlanOutcome, type PlanStep } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELD_OUT_TASKS } from './__fixtures__/heldOutTasks.js';
import { PARAPHRASE_EXTRAS } from './__fixtures__/paraphraseTasks.js';
import type { OpsDeps } from './opsDeps.js';
import { runPlan } from './runPlan.js';

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

let sim: SimCluster;
let gateway: KubeClusterGateway;
let clock: ManualClock;
let deps: OpsDeps;
const rates: { id: string; passed: number; total: number; failures: string[] }[] = [];

async function whileRunning<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  done.catch(() => undefined);
  while (!settled) await advanceClock(clock, 1000);
  return done;
}

async function carryOut(outcome: PlanOutcome): Promise<{ ok: boolean; result: string }> {
  if (outcome.kind !== 'plan') return { ok: false, result: '' };
  const run = await whileRunning(runPlan(deps, outcome.plan.steps as PlanStep[]));
  return { ok: run.ok, result: run.result };
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
  sim = await startSimCluster({ scenario: 'demo', clock });
  gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
  for (const object of PARAPHRASE_EXTRAS) await gateway.apply(object);
  await advanceClock(clock, 15_000);
  deps = { gateway, clock, verifyTimeoutMs: 30_000, pollMs: 1000 } as unknown as OpsDeps;
}, 120_000);

afterAll(async () => {
  const total = rates.reduce((s, r) => s + r.total, 0);
  const passed = rates.reduce((s, r) => s + r.passed, 0);
  const lines = rates.map(
    (r) => `${String(Math.round((100 * r.passed) / r.total)).padStart(4)} %  ${r.passed}/${r.total}  ${r.id}`,
  );
  const failures = rates.flatMap((r) => r.failures.map((f) => `  FAIL [${r.id}] ${f}`));
  console.log(
    `held-out set: ${passed}/${total} = ${((100 * passed) / Math.max(1, total)).toFixed(1)} % over ${rates.length} task types\n${lines.join('\n')}\n${failures.join('\n')}`,
  );
  await sim?.stop();
});

describe('held-out set: fresh wordings run end to end on the simulated cluster, judged by its state', () => {
  it('has at least 120 requests', () => {
    expect(HELD_OUT_TASKS.reduce((s, t) => s + t.say.length, 0)).toBeGreaterThanOrEqual(120);
  });

  it.each(HELD_OUT_TASKS.map((t) => [t.id, t] as const))('%s', async (_id, task) => {
    const record = { id: task.id, passed: 0, total: task.say.length, failures: [] as string[] };
    rates.push(record);
    for (const [i, say] of task.say.entries()) {
      let verdict: true | string;
      try {
        await task.setup?.(gateway, i);
        await advanceClock(clock, 1000);
        const session = createPlannerSession();
        if (task.before) await carryOut(await planRequest(task.before, { gateway, session }));
        const outcome = await planRequest(say, { gateway, session });
        const { ok, result } = await carryOut(outcome);
        verdict = await task.check({ gateway, outcome, result, ok, i });
        if (verdict !== true)
          verdict = `${verdict} (${outcome.kind === 'plan' ? outcome.plan.summary : `${outcome.kind}: ${'question' in outcome ? outcome.question : 'message' in outcome ? outcome.message : ''}`})`;
      } catch (error) {
        verdict = `threw ${(error as Error).message}`;
      }
      if (verdict === true) record.passed++;
      else record.failures.push(`"${say}": ${verdict}`);
      await task.cleanup?.(gateway, i).catch(() => undefined);
    }
    expect(record.passed / record.total, record.failures.join('\n')).toBeGreaterThanOrEqual(
      FLOOR_PER_TASK[task.id] ?? 1,
    );
  });

  it('keeps the measured overall pass rate', () => {
    const total = rates.reduce((s, r) => s + r.total, 0);
    const passed = rates.reduce((s, r) => s + r.passed, 0);
    expect(passed / total).toBeGreaterThanOrEqual(FLOOR_OVERALL);
  });
});
