import { describe, expect, it } from 'vitest';
import { systemClock } from './clock.js';

describe('systemClock', () => {
  it('sleeps for real', async () => {
    const started = Date.now();
    await systemClock.sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('rejects with the abort reason, before or during the sleep', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error('aborted'));
    await expect(sleeping).rejects.toThrow('aborted');
    await expect(systemClock.sleep(10, controller.signal)).rejects.toThrow('aborted');
  });
});
