import { formatRef, type KubeObject, OpspilotError, type PlanStep, redactSecret } from '@opspilot/core';
import type { OpsDeps } from './opsDeps.js';
import { stepTarget } from './stepTarget.js';
import { asWrite, writeStep } from './writeStep.js';

/** What a server-side dry-run of a plan found. */
export interface DryRunResult {
  /** One per refused step, naming the step and the server's reason. */
  problems: string[];
  /** Unified diff of every changed object, live against the server's dry-run result; Secret values redacted. */
  diff: string;
}

/**
 * Sends every changing step to the API server with `dryRun=All` — admission, defaulting and validation run, nothing
 * is stored — and diffs each object's live state against what the server says it would become. Secret values are
 * shown as `<redacted>`, or `<redacted> (before)` / `<redacted> (after)` where they change, as `kubectl diff` does.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#dry-run
 */
export async function dryRunPlan(deps: Pick<OpsDeps, 'gateway' | 'diff'>, steps: PlanStep[]): Promise<DryRunResult> {
  const problems: string[] = [];
  const diffs: string[] = [];
  for (const [index, step] of steps.entries()) {
    const write = asWrite(step);
    if (!write) continue;
    const target = stepTarget(step)!;
    try {
      const live = write.op === 'drain' ? undefined : await deps.gateway.get(target);
      const result = await writeStep(deps.gateway, write, { dryRun: true });
      // The scale subresource answers with a Scale object; show the workload as it would be.
      const after =
        write.op === 'scale' && live
          ? { ...live, spec: { ...(live.spec as object), replicas: write.replicas } }
          : result;
      if (!after) diffs.push(`- ${formatRef(target)} will be deleted${live ? '' : ' (it does not exist)'}\n`);
      else {
        const diff = deps.diff(
          live && redactSecret(strip(live), after, 'before'),
          redactSecret(strip(after), live, 'after'),
        );
        if (diff.trim()) diffs.push(diff);
      }
    } catch (error) {
      const message = error instanceof OpspilotError ? error.message : String(error);
      problems.push(`step ${index + 1} (${step.description}): ${message}`);
    }
  }
  return { problems, diff: diffs.join('\n') };
}

function strip(object: KubeObject): KubeObject {
  const { managedFields: _m, ...metadata } = object.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return { ...object, metadata };
}
