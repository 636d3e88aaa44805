import type { Clock, RunbookStepResult } from '@opspilot/core';
import type { RunbookDocStep } from './runbookDocument.js';

type ReadStep = Extract<RunbookDocStep, { type: 'diagnostic' | 'check' }>;

/** What one read step came to: the step's result patch, its timeline line, and why the run fails if it does. */
export interface ReadOutcome {
  ok: boolean;
  patch: Partial<RunbookStepResult>;
  note: string;
  why: string;
}

/**
 * Runs a diagnostic once, or a check until it holds or its timeout passes (polling on the clock at its interval),
 * and says how the step ends. `once` runs the read a single time.
 */
export async function runRead(
  step: ReadStep,
  once: () => Promise<{ ok: boolean; output: string }>,
  clock: Clock,
): Promise<ReadOutcome> {
  if (step.type === 'diagnostic') {
    const outcome = await once();
    return {
      ok: outcome.ok,
      patch: {
        status: outcome.ok || step.continue_on_failure ? 'SUCCEEDED' : 'FAILED',
        output: outcome.output.slice(0, 20_000),
        ...(outcome.ok ? {} : { error: outcome.output.slice(0, 2000) }),
      },
      note: `${step.id}: ${outcome.output.split('\n')[0]?.slice(0, 200) ?? ''}`,
      why: `diagnostic ${step.id} failed`,
    };
  }
  const deadline = clock.now().getTime() + step.timeout_seconds * 1000;
  let outcome = await once();
  while (!outcome.ok && clock.now().getTime() < deadline) {
    await clock.sleep(step.interval_seconds * 1000);
    outcome = await once();
  }
  return {
    ok: outcome.ok,
    patch: {
      status: outcome.ok ? 'SUCCEEDED' : 'FAILED',
      output: outcome.output.slice(0, 20_000),
      ...(outcome.ok
        ? {}
        : { error: `check did not hold within ${step.timeout_seconds}s: ${outcome.output.slice(0, 1000)}` }),
    },
    note: `check ${step.id}: ${outcome.ok ? 'holds' : 'failed'} (${outcome.output.slice(0, 200)})`,
    why: `check ${step.id} did not hold`,
  };
}
