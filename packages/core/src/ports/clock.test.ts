import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from './clock.js';

describe('ManualClock', () => {
  it('fires sleepers in time order only when advanced past them', async () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const order: string[] = [];
    const late = clock.sleep(20_000).then(() => order.push(`late@${clock.now().toISOString()}`));
    const early = clock.sleep(10_000).then(() => order.push(`early@${clock.now().toISOString()}`));
    await clock.advance(5_000);
    expect(order).toEqual([]);
    await clock.advance(20_000);
    await Promise.all([late, early]);
    expect(order).toEqual(['early@2026-01-01T00:00:10.000Z', 'late@2026-01-01T00:00:20.000Z']);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:25.000Z');
  });

  it('rejects an aborted sleep and forgets it', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pending).toBe(0);
  });
});

describe('systemClock', () => {
  it('sleeps for real and can be aborted', async () => {
    const started = Date.now();
    await systemClock.sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error('aborted'));
    await expect(sleeping).rejects.toThrow('aborted');
  });
});
