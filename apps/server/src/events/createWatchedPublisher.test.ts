import { createMemoryEventBus } from '@opspilot/bus';
import { type Event, ManualClock } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createWatchedPublisher, type WatchedPublisher } from './createWatchedPublisher.js';

const CLUSTER = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';

describe('createWatchedPublisher', () => {
  let publisher: WatchedPublisher<string> | undefined;
  afterEach(() => publisher?.close());

  function start(clock: ManualClock, read: (w: string) => Promise<unknown>, maxWatches = 2) {
    const bus = createMemoryEventBus();
    const seen: Event[] = [];
    bus.subscribe({}, (event) => {
      seen.push(event);
    });
    const errors: unknown[] = [];
    publisher = createWatchedPublisher<string>({
      clock,
      bus,
      intervalMs: 5,
      ttlMs: 60_000,
      maxWatches,
      read: async (w) => {
        const payload = await read(w);
        return payload === undefined
          ? undefined
          : { event_type: 'METRIC_UPDATE', cluster_id: CLUSTER, payload: payload as Record<string, unknown> };
      },
      onError: (error) => errors.push(error),
    });
    return { seen, errors };
  }

  it('publishes each watch at once and every interval, stamped with an id and the clock time, until it expires', async () => {
    const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    const { seen } = start(clock, async (w) => ({ watched: w }));
    expect(publisher?.watch('a', 'A').toISOString()).toBe('2026-03-01T10:01:00.000Z');
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBeGreaterThan(2);
    expect(seen[0]).toMatchObject({
      event_type: 'METRIC_UPDATE',
      cluster_id: CLUSTER,
      timestamp: '2026-03-01T10:00:00.000Z',
      payload: { watched: 'A' },
    });
    expect(new Set(seen.map((e) => e.event_id)).size).toBe(seen.length);
    // Past its time the watch is dropped (and the timer stops); a new watch is published alone, at the new time.
    await clock.advance(61_000);
    publisher?.watch('c', 'C');
    await expect
      .poll(() => seen.filter((e) => e.payload.watched === 'C').length, { timeout: 10_000 })
      .toBeGreaterThan(2);
    expect(seen.filter((e) => e.payload.watched === 'A').every((e) => e.timestamp === '2026-03-01T10:00:00.000Z')).toBe(
      true,
    );
  });

  it('keeps the newest watches, publishes nothing for an undefined read, and goes on past a failing one', async () => {
    const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    const { seen, errors } = start(clock, async (w) => {
      if (w === 'boom') throw new Error('unreachable');
      return w === 'quiet' ? undefined : { watched: w };
    });
    publisher?.watch('a', 'A');
    publisher?.watch('boom', 'boom');
    publisher?.watch('quiet', 'quiet');
    publisher?.watch('b', 'B'); // over maxWatches: 'a' and 'boom' are dropped, oldest first
    await expect
      .poll(() => seen.filter((e) => e.payload.watched === 'B').length, { timeout: 10_000 })
      .toBeGreaterThan(1);
    await expect
      .poll(() => seen.filter((e) => e.payload.watched === 'B').length, { timeout: 10_000 })
      .toBeGreaterThan(4);
    // Once 'a' and 'boom' were dropped, every tick publishes B alone; the undefined read never published.
    expect(seen.slice(-3).map((e) => e.payload.watched)).toEqual(['B', 'B', 'B']);
    expect(seen.some((e) => e.payload.watched === 'quiet')).toBe(false);
    expect(errors.every((e) => (e as Error).message === 'unreachable')).toBe(true);
  });
});
