import { InputError } from '@opspilot/core';
import type { CostWindow } from '@opspilot/cost';

/** The most steps one allocation or recommendation window may have (30 days hourly is 720). */
export const MAX_COST_STEPS = 5_000;

/** The window of `sinceMs` before `now` at `stepMs`, aligned to the step, ending at the last whole step. */
export function costWindow(now: Date, sinceMs: number, stepMs: number): CostWindow {
  const steps = Math.round(sinceMs / stepMs);
  if (steps < 1 || steps > MAX_COST_STEPS) {
    throw new InputError(`a window of ${steps} steps is outside 1 to ${MAX_COST_STEPS}`, {
      hint: 'choose a longer step or a shorter range (e.g. --since 30d --step 1h)',
    });
  }
  const stepSeconds = Math.round(stepMs / 1000);
  const end = Math.floor(now.getTime() / 1000 / stepSeconds) * stepSeconds;
  return { start: end - (steps - 1) * stepSeconds, stepSeconds, steps };
}
