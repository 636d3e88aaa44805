import type { ClusterGateway, Operation } from '@opspilot/core';
import { journalOf } from './applyJournal.js';
import { undoStep } from './undoStep.js';
import { asWrite } from './writeStep.js';

/** What taking an applied operation back did, one line per changing step (newest first). */
export interface UndoResult {
  ok: boolean;
  steps: { description: string; ok: boolean; message: string }[];
}

/**
 * Takes back an APPLIED operation from its apply journal — the state each changed object had before its step —
 * newest step first, the way a failed apply is rolled back (see `undoStep`: previous field values patched back, the
 * previous revision restored, a created object deleted). For a change that applied and verified but did not hold
 * afterwards (a fix whose workload fails in its settle window). A step whose undo is impossible, or whose before was
 * not journalled, is reported as such; the others still run. The caller records and audits the result.
 */
export async function undoApplied(gateway: ClusterGateway, operation: Operation): Promise<UndoResult> {
  const journal = new Map(journalOf(operation.details).map((e) => [e.index, e]));
  const steps: UndoResult['steps'] = [];
  for (let index = operation.plan.steps.length - 1; index >= 0; index--) {
    const step = operation.plan.steps[index]!;
    if (!asWrite(step)) continue;
    const entry = journal.get(index);
    if (entry?.phase !== 'applied') {
      steps.push({ description: step.description, ok: false, message: 'not in the apply journal' });
      continue;
    }
    const undo = undoStep(gateway, step, entry.before);
    if ('impossible' in undo) {
      steps.push({ description: step.description, ok: false, message: `cannot be undone: ${undo.impossible}` });
      continue;
    }
    try {
      await undo.run();
      steps.push({ description: undo.what, ok: true, message: 'done' });
    } catch (error) {
      steps.push({
        description: undo.what,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { ok: steps.length > 0 && steps.every((s) => s.ok), steps };
}
