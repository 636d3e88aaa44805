import { randomUUID } from 'node:crypto';
import { createMemoryEventBus } from '@opspilot/bus';
import type { Event, User } from '@opspilot/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { createBatchedDelivery, MAX_BATCH_EVENTS } from './createBatchedDelivery.js';
import type { FrameWriter } from './createFrameFlusher.js';

/** A writer that records what it is handed (the same object identity is what gets framed once). */
const recorder = () => {
  const sent: Event[][] = [];
  const writer: FrameWriter = { send: (value) => sent.push(value as Event[]) };
  return { writer, sent, numbers: () => sent.map((batch) => batch.map((e) => (e.payload as { n: number }).n)) };
};
const principal = (clusterIds: Principal['clusterIds']): Principal => ({
  user: { id: randomUUID(), username: 'u' } as User,
  via: 'token',
  clusterIds,
});
const admin = principal('all');
/** Moves the (fake) timers on: a window closes exactly when its delay has passed, however loaded the machine is. */
const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('createBatchedDelivery', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const setup = () => {
    const bus = createMemoryEventBus();
    const delivery = createBatchedDelivery(bus);
    let n = 0;
    const publish = (more: Partial<Event> = {}) =>
      bus.publish({ event_type: 'GPU_UPDATE', timestamp: new Date().toISOString(), payload: { n: n++ }, ...more });
    return { bus, delivery, publish };
  };

  it('hands one array object per window to every member of a group, and groups by filter, visibility and delay', async () => {
    const { delivery, publish } = setup();
    const [a, b, c, d] = [recorder(), recorder(), recorder(), recorder()];
    delivery.join({ event_types: ['GPU_UPDATE', 'GPU_UPDATE'] }, admin, 10, a.writer);
    delivery.join({ event_types: ['GPU_UPDATE'] }, principal('all'), 10, b.writer);
    delivery.join({ event_types: ['GPU_UPDATE'] }, admin, 100, c.writer);
    delivery.join({ event_types: ['GPU_UPDATE'] }, principal(new Set()), 10, d.writer);
    expect(delivery.groups).toBe(3);
    for (let i = 0; i < 5; i++) await publish();
    await tick(15);
    expect(a.numbers()).toEqual([[0, 1, 2, 3, 4]]);
    expect(b.sent[0]).toBe(a.sent[0]);
    expect(c.sent).toEqual([]);
    expect(d.sent).toEqual([]);
    await tick(100);
    expect(c.numbers()).toEqual([[0, 1, 2, 3, 4]]);
    expect(c.sent[0]).not.toBe(a.sent[0]);
  });

  it('gives a member that joins mid-window only the events after it joined, and flushes its share when it leaves', async () => {
    const { delivery, publish } = setup();
    const [early, late, leaving] = [recorder(), recorder(), recorder()];
    delivery.join({}, admin, 10, early.writer);
    await publish();
    delivery.join({}, admin, 10, late.writer);
    const membership = delivery.join({}, admin, 10, leaving.writer);
    await publish();
    await publish();
    membership.leave();
    expect(leaving.numbers()).toEqual([[1, 2]]);
    await tick(15);
    expect(early.numbers()).toEqual([[0, 1, 2]]);
    expect(late.numbers()).toEqual([[1, 2]]);
    expect(leaving.numbers()).toEqual([[1, 2]]);
  });

  it('sends a full window at once and drops a group with its bus subscription when the last member leaves', async () => {
    const { delivery, publish } = setup();
    const member = recorder();
    const membership = delivery.join({}, admin, 1_000, member.writer);
    for (let i = 0; i < MAX_BATCH_EVENTS + 1; i++) await publish();
    expect(member.sent.map((batch) => batch.length)).toEqual([MAX_BATCH_EVENTS]);
    membership.leave();
    expect(member.sent.map((batch) => batch.length)).toEqual([MAX_BATCH_EVENTS, 1]);
    expect(delivery.groups).toBe(0);
    await publish();
    await tick(5);
    expect(member.sent).toHaveLength(2);
  });

  it('moves a member to the group of its new visibility when its grants change', async () => {
    const { delivery, publish } = setup();
    const east = randomUUID();
    const member = recorder();
    const membership = delivery.join({}, principal(new Set()), 5, member.writer);
    await publish({ cluster_id: east });
    membership.setPrincipal(principal(new Set([east])));
    await publish({ cluster_id: east });
    await publish({ cluster_id: randomUUID() });
    await tick(10);
    expect(member.numbers()).toEqual([[1]]);
    expect(delivery.groups).toBe(1);
  });
});
