import type { Operation, StepOutcome } from '@opspilot/core';
import { journalOf } from './applyJournal.js';
import type { OpsDeps } from './opsDeps.js';
import { stepInEffect } from './stepInEffect.js';
import { stepTarget } from './stepTarget.js';
import { undoStep } from './undoStep.js';
import { asWrite } from './writeStep.js';

/** What reconciling an operation whose applier stopped came to. */
export interface Reconciled {
  /** The operation, APPLIED or FAILED, with each step's outcome and a result saying what was found. */
  operation: Operation;
  /** One line per changing step: what the journal said and what the cluster showed. */
  found: string[];
  /** Whether the cluster is left changed. */
  changed: boolean;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reconciles an APPLYING operation whose applier stopped (killed, or it lost the store) against the cluster: reads
 * each object its journal says was started, and decides whether the step is in effect. When every changing step was
 * applied and is still in effect, the operation is APPLIED. Otherwise the steps found in effect are undone newest
 * first where their undo allows (as after a failed step: see `undoStep`), and the operation is FAILED with what was
 * found. Steps never started are skipped; nothing is sent again.
 */
export async function reconcileOperation(deps: OpsDeps, operation: Operation, now: string): Promise<Reconciled> {
  const journal = new Map(journalOf(operation.details).map((e) => [e.index, e]));
  const steps = operation.plan.steps;
  const seen = await Promise.all(
    steps.map(async (step, index) => {
      const entry = journal.get(index);
      if (!asWrite(step) || !entry) return undefined;
      const live = await deps.gateway.get(stepTarget(step)!);
      return { entry, inEffect: stepInEffect(step, live, entry.before) };
    }),
  );
  const found = seen.flatMap((s, i) =>
    s
      ? [
          `step ${i + 1} (${steps[i]!.description}): ${s.entry.phase === 'applied' ? 'applied and verified' : 'started'} before the stop, ${s.inEffect ? 'found in effect' : 'not in effect'}`,
        ]
      : [],
  );
  const writes = steps.map((s, i) => [s, i] as const).filter(([s]) => asWrite(s));
  const complete = writes.every(([, i]) => seen[i]?.entry.phase === 'applied' && seen[i].inEffect);
  const applier = (operation.details.applier as { owner?: string } | undefined)?.owner ?? 'unknown';
  const head = `recovered at ${now} after its applier (${applier}) stopped and its lease expired`;
  if (complete) {
    const outcomes: StepOutcome[] = steps.map((step, index) => ({
      index,
      description: step.description,
      status: 'applied',
      message: asWrite(step) ? 'found in effect on recovery' : '',
    }));
    return {
      operation: { ...operation, state: 'APPLIED', steps: outcomes, result: [head, ...found].join('\n') },
      found,
      changed: writes.length > 0,
    };
  }
  const outcomes: StepOutcome[] = steps.map((step, index) => ({
    index,
    description: step.description,
    status: 'skipped',
    message: seen[index] ? '' : 'not started before the stop',
  }));
  const lines = [head, ...found];
  let changed = false;
  for (let index = steps.length - 1; index >= 0; index--) {
    const s = seen[index];
    const outcome = outcomes[index]!;
    if (!s) continue;
    if (!s.inEffect) {
      outcome.status = s.entry.phase === 'applied' ? 'not_undone' : 'failed';
      outcome.message =
        s.entry.phase === 'applied'
          ? 'no longer in effect (changed since); left as found'
          : 'interrupted before it took effect';
      continue;
    }
    const valuesLost = s.entry.before?.metadata.annotations?.['opspilot.io/values-not-kept'] === 'true';
    const undo = valuesLost
      ? { impossible: 'the previous Secret values are not kept outside the sealed plan' }
      : undoStep(deps.gateway, steps[index]!, s.entry.before);
    if ('impossible' in undo) {
      outcome.status = 'not_undone';
      outcome.message = undo.impossible;
      changed = true;
    } else {
      try {
        await undo.run();
        outcome.status = 'rolled_back';
        outcome.message = undo.what;
      } catch (error) {
        outcome.status = 'not_undone';
        outcome.message = `${undo.what} failed: ${message(error)}`;
        changed = true;
      }
    }
    lines.push(
      `step ${index + 1} ${outcome.status === 'rolled_back' ? 'rolled back' : 'NOT undone'}: ${outcome.message}`,
    );
  }
  return { operation: { ...operation, state: 'FAILED', steps: outcomes, result: lines.join('\n') }, found, changed };
}
