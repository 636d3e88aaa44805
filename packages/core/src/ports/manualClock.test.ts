import { describe, expect, it } from 'vitest';
import { ManualClock } from './manualClock.js';

const start = new Date('2026-01-01T00:00:00Z');

describe('ManualClock', () => {
  it('fires sleepers in time order only when advanced past them', async () => {
    const clock = new ManualClock(start);
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

  it('wakes equal deadlines in the order they went to sleep', async () => {
    const clock = new ManualClock(start);
    const order: number[] = [];
    for (const n of [1, 2, 3]) void clock.sleep(1_000).then(() => order.push(n));
    await clock.advance(1_000);
    expect(order).toEqual([1, 2, 3]);
  });

  it('lets a polling loop behind nested awaits tick once per period', async () => {
    const clock = new ManualClock(start);
    const seen: string[] = [];
    // Three async layers between the loop and the sleep, as in a retry helper over a poller.
    const sleep = async () => {
      await clock.sleep(1_000);
    };
    const poll = async () => {
      await sleep();
      return true;
    };
    const wait = async () => {
      await poll();
    };
    const loop = (async () => {
      for (let i = 0; i < 5; i++) {
        await wait();
        seen.push(clock.now().toISOString().slice(17, 19));
      }
    })();
    await clock.advance(5_000);
    await loop;
    expect(seen).toEqual(['01', '02', '03', '04', '05']);
  });

  it('rejects an aborted sleep and forgets it', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pending).toBe(0);
    await expect(clock.sleep(1, controller.signal)).rejects.toThrow('stop');
  });
});
