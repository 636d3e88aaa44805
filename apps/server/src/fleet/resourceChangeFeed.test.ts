import { createMemoryEventBus } from '@opspilot/bus';
import type { Event } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { createResourceChangeFeed } from './resourceChangeFeed.js';

const logger = { warn: () => undefined };

describe('createResourceChangeFeed', () => {
  it('gathers the changes of one cluster into one event per window, apart from other clusters', async () => {
    const bus = createMemoryEventBus();
    const seen: Event[] = [];
    bus.subscribe({ event_types: ['RESOURCES_CHANGED'] }, (e) => {
      seen.push(e);
    });
    const feed = createResourceChangeFeed(bus, logger, 20);
    for (let i = 0; i < 50; i++) feed.note('11111111-1111-4111-8111-111111111111', 'a', i % 2 ? 'Pod' : 'ReplicaSet');
    feed.note('22222222-2222-4222-8222-222222222222', 'b', 'Node');
    await expect.poll(() => seen.length).toBe(2);
    const a = seen.find((e) => e.payload.name === 'a');
    expect(a?.payload).toEqual({ name: 'a', kinds: ['Pod', 'ReplicaSet'], changes: 50 });
    expect(seen.find((e) => e.payload.name === 'b')?.payload).toEqual({ name: 'b', kinds: ['Node'], changes: 1 });
    feed.note('11111111-1111-4111-8111-111111111111', 'a', 'Pod');
    await expect.poll(() => seen.length).toBe(3);
    await feed.close();
    await bus.close();
  });

  it('publishes what is pending when closed', async () => {
    const bus = createMemoryEventBus();
    const seen: Event[] = [];
    bus.subscribe({}, (e) => {
      seen.push(e);
    });
    const feed = createResourceChangeFeed(bus, logger, 60_000);
    feed.note('11111111-1111-4111-8111-111111111111', 'a', 'Pod');
    expect(seen).toHaveLength(0);
    await feed.close();
    await expect.poll(() => seen.length).toBe(1);
    await bus.close();
  });
});
