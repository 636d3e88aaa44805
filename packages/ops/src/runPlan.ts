import { type KubeObject, OpspilotError, type PlanStep, type StepOutcome } from '@opspilot/core';
import { type JournalEntry, journalBefore } from './applyJournal.js';
import type { ApplyPhase, OpsDeps } from './opsDeps.js';
import { readStep } from './readStep.js';
import { stepTarget } from './stepTarget.js';
import { type Undo, undoStep } from './undoStep.js';
import { verifyStep } from './verifyStep.js';
import { asWrite, writeStep } from './writeStep.js';

/** What carrying out a plan came to. */
export interface RunOutcome {
  ok: boolean;
  /** Whether anything in the cluster changed (and stayed changed). */
  changed: boolean;
  steps: StepOutcome[];
  result: string;
}

const message = (error: unknown) =>
  error instanceof OpspilotError || error instanceof Error ? error.message : String(error);

/**
 * Runs a plan's steps in order: reads produce text, writes go to the cluster and are verified before the next step.
 * When a step fails or does not verify, the steps already applied are undone in reverse order where possible, and
 * the outcome says exactly which could not be.
 */
export async function runPlan(
  deps: OpsDeps,
  steps: PlanStep[],
  signal?: AbortSignal,
  journal?: (entry: JournalEntry) => Promise<void>,
): Promise<RunOutcome> {
  const outcomes: StepOutcome[] = [];
  const output: string[] = [];
  const undos: { index: number; undo: Undo }[] = [];
  const timing = { timeoutMs: deps.verifyTimeoutMs ?? 120_000, pollMs: deps.pollMs ?? 1000, signal };
  for (const [index, step] of steps.entries()) {
    const write = asWrite(step);
    const say = (phase: ApplyPhase) =>
      deps.progress?.({ index, total: steps.length, description: step.description, phase });
    try {
      // Stopping (Ctrl-C, SIGTERM, a lost lease) between steps: nothing more is started, what was applied is undone.
      if (signal?.aborted) throw signal.reason;
      if (!write) {
        output.push(await readStep(deps, step as never));
        outcomes.push({ index, description: step.description, status: 'applied', message: '' });
        continue;
      }
      const target = stepTarget(step)!;
      const before: KubeObject | undefined = await deps.gateway.get(target);
      const undo = undoStep(deps.gateway, step, before);
      await journal?.({ index, phase: 'started', before: journalBefore(before) });
      await say('applying');
      // A drain that stops part-way has cordoned the node: it is undone like one that completed.
      if (write.op === 'drain') undos.push({ index, undo });
      await writeStep(deps.gateway, write, { dryRun: false, clock: deps.clock, ...timing });
      if (write.op !== 'drain') undos.push({ index, undo });
      await say('verifying');
      const verified = await verifyStep(deps.gateway, deps.clock, step, timing);
      if (!verified.ok) throw new Error(`verification failed: ${verified.message}`);
      await journal?.({ index, phase: 'applied', before: journalBefore(before) });
      await say('applied');
      outcomes.push({ index, description: step.description, status: 'applied', message: verified.message });
      output.push(`${step.description}: ${verified.message}`);
    } catch (error) {
      outcomes.push({ index, description: step.description, status: 'failed', message: message(error) });
      output.push(`${step.description}: FAILED: ${message(error)}`);
      await say('failed');
      if (undos.length > 0) await say('rolling back');
      const rolledBack = await rollBack(undos);
      for (let rest = index + 1; rest < steps.length; rest++)
        outcomes.push({
          index: rest,
          description: steps[rest]!.description,
          status: 'skipped',
          message: 'an earlier step failed',
        });
      for (const r of rolledBack) {
        const o =
          outcomes.find((x) => x.index === r.index && x.status !== 'failed') ??
          outcomes.find((x) => x.index === r.index)!;
        o.status = r.ok ? 'rolled_back' : 'not_undone';
        o.message = r.message;
        output.push(`step ${r.index + 1} ${r.ok ? 'rolled back' : 'NOT undone'}: ${r.message}`);
      }
      return { ok: false, changed: rolledBack.some((r) => !r.ok), steps: outcomes, result: output.join('\n') };
    }
  }
  return { ok: true, changed: undos.length > 0, steps: outcomes, result: output.join('\n') };
}

async function rollBack(undos: { index: number; undo: Undo }[]) {
  const results: { index: number; ok: boolean; message: string }[] = [];
  for (const { index, undo } of [...undos].reverse()) {
    if ('impossible' in undo) {
      results.push({ index, ok: false, message: undo.impossible });
      continue;
    }
    try {
      await undo.run();
      results.push({ index, ok: true, message: undo.what });
    } catch (error) {
      results.push({ index, ok: false, message: `${undo.what} failed: ${message(error)}` });
    }
  }
  return results;
}
