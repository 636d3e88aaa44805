import type { ManualClock } from '@opspilot/core';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * Moves a simulated cluster's ManualClock forward in steps, letting the controllers react after each one, so
 * pods schedule, start, crash and back off as they would over that much real time.
 * @example
 * await advanceClock(clock, 60_000); // one minute of cluster life
 */
export async function advanceClock(clock: ManualClock, ms: number, stepMs = 1000): Promise<void> {
  await settle();
  for (let done = 0; done < ms; done += stepMs) {
    await clock.advance(Math.min(stepMs, ms - done));
    await settle();
  }
}
