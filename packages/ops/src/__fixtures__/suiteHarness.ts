import { createPlannerSession, planRequest } from '@opspilot/ai';
import { ManualClock, type PlanOutcome, type PlanStep } from '@opspilot/core';
import { createClusterGateway, type KubeClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import type { OpsDeps } from '../opsDeps.js';
import { runPlan } from '../runPlan.js';
import { PARAPHRASE_EXTRAS, type Task } from './paraphraseTasks.js';

/** One task type's tally: how many wordings left the cluster in the expected state, and why the others did not. */
export interface TaskRate {
  id: string;
  passed: number;
  total: number;
  failures: string[];
}

/**
 * The harness of the plain-English suites (paraphrase suite, held-out set): the demo cluster with the suites' extra
 * objects on a manual clock; each wording planned offline, carried out by the lifecycle's step runner, and judged by
 * the state the cluster is left in.
 */
export function createSuiteHarness() {
  let sim: SimCluster | undefined;
  let gateway: KubeClusterGateway;
  let clock: ManualClock;
  let deps: OpsDeps;
  const rates: TaskRate[] = [];

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

  const describeOutcome = (outcome: PlanOutcome, ok: boolean, result: string) =>
    outcome.kind === 'plan'
      ? `${outcome.plan.summary}${ok ? '' : `; run failed: ${result.slice(0, 200)}`}`
      : `${outcome.kind}: ${'question' in outcome ? outcome.question : 'message' in outcome ? outcome.message : ''}`;

  return {
    rates,
    async start() {
      clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
      sim = await startSimCluster({ scenario: 'demo', clock });
      gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig, clock });
      for (const object of PARAPHRASE_EXTRAS) await gateway.apply(object);
      await advanceClock(clock, 15_000);
      deps = { gateway, clock, verifyTimeoutMs: 30_000, pollMs: 1000 } as unknown as OpsDeps;
    },

    /** Runs every wording of one task type and records its tally (also returned). */
    async runTask(task: Task): Promise<TaskRate> {
      const record: TaskRate = { id: task.id, passed: 0, total: task.say.length, failures: [] };
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
          if (verdict !== true) verdict = `${verdict} (${describeOutcome(outcome, ok, result)})`;
        } catch (error) {
          verdict = `threw ${(error as Error).message}`;
        }
        if (verdict === true) record.passed++;
        else record.failures.push(`"${say}": ${verdict}`);
        await task.cleanup?.(gateway, i).catch(() => undefined);
      }
      return record;
    },

    /** The share of all wordings that passed so far. */
    overall() {
      const total = rates.reduce((s, r) => s + r.total, 0);
      return rates.reduce((s, r) => s + r.passed, 0) / Math.max(1, total);
    },

    /** Prints the pass rate per task type and every failure, then stops the cluster. */
    async stop(title: string) {
      const total = rates.reduce((s, r) => s + r.total, 0);
      const passed = rates.reduce((s, r) => s + r.passed, 0);
      const lines = rates.map(
        (r) => `${String(Math.round((100 * r.passed) / r.total)).padStart(4)} %  ${r.passed}/${r.total}  ${r.id}`,
      );
      const failures = rates.flatMap((r) => r.failures.map((f) => `  FAIL [${r.id}] ${f}`));
      console.log(
        `${title}: ${passed}/${total} = ${((100 * passed) / Math.max(1, total)).toFixed(1)} % over ${rates.length} task types\n${lines.join('\n')}\n${failures.join('\n')}`,
      );
      await sim?.stop();
    },
  };
}
