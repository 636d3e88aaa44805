import type { ClusterGateway, PlanStep } from '@opspilot/core';

/** What undoing a fix did, one line per step. */
export interface RollbackResult {
  ok: boolean;
  /** `lifecycle`: undone from the operation's apply journal; `candidate`: by the candidate's own rollback steps. */
  via?: 'lifecycle' | 'candidate';
  steps: { description: string; ok: boolean; message: string }[];
}

/**
 * Carries out a candidate's rollback steps straight through the gateway, in order. Not through the lifecycle's
 * apply: that waits for the result to be healthy, and the state a failed fix returns to was broken to begin with. The
 * caller audits the result. A step that fails is reported, and the next ones still run.
 */
export async function applyRollback(gateway: ClusterGateway, steps: PlanStep[]): Promise<RollbackResult> {
  const done: RollbackResult['steps'] = [];
  for (const step of steps) {
    try {
      await run(gateway, step);
      done.push({ description: step.description, ok: true, message: 'done' });
    } catch (error) {
      done.push({
        description: step.description,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { ok: done.every((s) => s.ok), steps: done };
}

async function run(gateway: ClusterGateway, step: PlanStep): Promise<void> {
  switch (step.op) {
    case 'rolloutUndo':
      await gateway.rolloutUndo(step.target, step.toRevision ? { toRevision: step.toRevision } : {});
      return;
    case 'delete':
      await gateway.delete(step.target);
      return;
    case 'apply': {
      const { apiVersion, kind, metadata, ...rest } = step.object;
      const ref = { apiVersion, kind, name: metadata.name, namespace: metadata.namespace };
      if (step.mode === 'patch') await gateway.patch(ref, rest, { type: 'strategic' });
      else await gateway.apply(step.object as never, { force: true });
      return;
    }
    default:
      throw new Error(`a rollback cannot ${step.op}`);
  }
}
