import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { Event, EventBus, EventFilter } from '@opspilot/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventBus, type EventBusSettings } from './createEventBus.js';

const REDIS_URL = process.env.OPSPILOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NATS_URL = process.env.OPSPILOT_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const CLUSTER_A = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const CLUSTER_B = '0b6f2a0e-3d55-4a8b-9a43-0c2b7f0b1e55';
const RUN = randomBytes(4).toString('hex');

const event = (event_type: Event['event_type'], extra: Partial<Event> = {}): Event => ({
  event_type,
  timestamp: '2026-03-01T10:00:00.000Z',
  payload: {},
  ...extra,
});

/** Collects what a subscription receives and resolves once `count` events arrived. */
function collect(bus: EventBus, filter: EventFilter, count: number) {
  const received: Event[] = [];
  const done = new Promise<Event[]>((resolve) => {
    bus.subscribe(filter, (e) => {
      received.push(e);
      if (received.length === count) resolve(received);
    });
  });
  return { received, done };
}

const SETTINGS: [string, (ns: string) => EventBusSettings][] = [
  ['memory', () => ({ bus: 'memory' })],
  ['redis', (ns) => ({ bus: 'redis', redis_url: REDIS_URL, namespace: ns })],
  ['nats', (ns) => ({ bus: 'nats', nats_url: NATS_URL, namespace: ns })],
];

describe.each(SETTINGS)('the %s event bus', (kind, settingsFor) => {
  const namespace = `test_${RUN}_${kind}`;
  const opened: EventBus[] = [];
  const open = async () => {
    const bus = await createEventBus(settingsFor(namespace));
    opened.push(bus);
    return bus;
  };
  afterAll(async () => {
    await Promise.all(opened.map((b) => b.close()));
    if (kind === 'nats') {
      const nc = await connect({ servers: NATS_URL });
      const jsm = await jetstreamManager(nc);
      await jsm.streams.delete(`OPSPILOT_EVENTS_${namespace}`).catch(() => false);
      await nc.close();
    }
  });

  it('delivers matching events in order and filters by type, cluster and namespace', async () => {
    const bus = await open();
    const all = collect(bus, {}, 3);
    const alerts = collect(bus, { event_types: ['ALERT_FIRED'], cluster_filter: [CLUSTER_A] }, 1);
    const inProd = collect(bus, { namespace_filter: ['prod'] }, 1);
    await bus.publish(event('ALERT_FIRED', { cluster_id: CLUSTER_B }));
    await bus.publish(event('ALERT_FIRED', { cluster_id: CLUSTER_A, payload: { n: 2 } }));
    await bus.publish(event('AUDIT_APPENDED', { namespace: 'prod' }));
    expect((await all.done).map((e) => e.event_type)).toEqual(['ALERT_FIRED', 'ALERT_FIRED', 'AUDIT_APPENDED']);
    expect((await alerts.done)[0]?.payload).toEqual({ n: 2 });
    expect((await inProd.done)[0]?.event_type).toBe('AUDIT_APPENDED');
    expect(alerts.received).toHaveLength(1);
  });

  it('keeps delivering when a subscriber throws, and stops after unsubscribe', async () => {
    const bus = await open();
    bus.subscribe({}, () => {
      throw new Error('subscriber bug');
    });
    let calls = 0;
    const stop = bus.subscribe({ event_types: ['GPU_UPDATE'] }, () => {
      calls += 1;
    });
    const after = collect(bus, { event_types: ['GPU_UPDATE'] }, 2);
    await bus.publish(event('GPU_UPDATE'));
    await expect.poll(() => calls, { timeout: 10_000 }).toBe(1);
    stop();
    await bus.publish(event('GPU_UPDATE'));
    await after.done;
    expect(calls).toBe(1);
  });

  it('carries an event from one instance to a subscriber of another, except in-process', async () => {
    const [first, second] = [await open(), await open()];
    const onSecond = collect(second, { event_types: ['CLUSTER_STATUS_CHANGED'] }, 1);
    const onFirst = collect(first, { event_types: ['CLUSTER_STATUS_CHANGED'] }, 1);
    await first.publish(event('CLUSTER_STATUS_CHANGED', { cluster_id: CLUSTER_A }));
    if (kind === 'memory') {
      await onFirst.done; // delivered where it was published: it had its chance to reach the other instance too
      expect(onSecond.received).toEqual([]);
      return;
    }
    expect((await onSecond.done)[0]).toMatchObject({ cluster_id: CLUSTER_A, event_type: 'CLUSTER_STATUS_CHANGED' });
  });
});

describe('createEventBus', () => {
  it('refuses a remote bus without its URL', async () => {
    await expect(createEventBus({ bus: 'redis' })).rejects.toThrow(/redis_url is not set/);
  });

  it('reports an unreachable Redis as an upstream error', async () => {
    await expect(createEventBus({ bus: 'redis', redis_url: 'redis://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'UPSTREAM',
    });
  });
});
