import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startTestApi, subscribeEvents, type TestApi } from '../testing/index.js';

type Received = { event_type: string; cluster_id?: string; namespace?: string; payload: { n: number } };

describe('batched subscriptions on /api/events', () => {
  const started: TestApi[] = [];
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate();
    await Promise.all(started.splice(0).map((t) => t.close()));
  });
  const start = async () => {
    const t = await startTestApi();
    started.push(t);
    const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const as = async (token: string, subscription: object) => {
      const client = await subscribeEvents(url, { authorization: `Bearer ${token}` }, subscription);
      sockets.push(client.socket);
      return client;
    };
    const publish = (n: number, event_type: 'GPU_UPDATE' | 'METRIC_UPDATE', more: object = {}) =>
      t.services.bus.publish({ event_type, timestamp: t.clock.now().toISOString(), payload: { n }, ...more });
    return { t, as, publish };
  };
  /** Takes array messages until `count` events have arrived; returns the messages. */
  const takeBatches = async (client: Awaited<ReturnType<typeof subscribeEvents>>, count: number) => {
    const messages: Received[][] = [];
    while (messages.flat().length < count) {
      const message = await client.next<Received[]>();
      expect(Array.isArray(message)).toBe(true);
      messages.push(message);
    }
    return messages;
  };

  it('sends every event in publish order as arrays, and leaves unbatched subscribers one event per message', async () => {
    const { t, as, publish } = await start();
    const token = t.users.admin.token;
    const batched = await as(token, { client_id: 'b1', batch: { max_delay_ms: 30 } });
    const twin = await as(token, { batch: { max_delay_ms: 30 } });
    const plain = await as(token, {});
    expect(batched.ack).toMatchObject({ client_id: 'b1', event_types: [], batch: { max_delay_ms: 30 } });
    expect(plain.ack).not.toHaveProperty('batch');

    await Promise.all(Array.from({ length: 150 }, (_, n) => publish(n, n % 2 ? 'GPU_UPDATE' : 'METRIC_UPDATE')));
    const messages = await takeBatches(batched, 150);
    expect(messages.flat().map((e) => e.payload.n)).toEqual([...Array(150).keys()]);
    expect(messages.length).toBeLessThan(5);
    expect(await takeBatches(twin, 150)).toEqual(messages);
    const singles = await Promise.all(Array.from({ length: 150 }, () => plain.next<Received>()));
    expect(singles.every((m) => !Array.isArray(m))).toBe(true);
    expect(singles.map((e) => e.payload.n)).toEqual([...Array(150).keys()]);

    // A later window is a new message: the first window closed after max_delay_ms.
    await publish(150, 'GPU_UPDATE');
    expect((await batched.next<Received[]>()).map((e) => e.payload.n)).toEqual([150]);
    expect(batched.queue).toEqual([]);
  });

  it('applies the event type, cluster and namespace filters and the clusters the caller may see', async () => {
    const { t, as, publish } = await start();
    const east = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'east-1', api_server_url: 'https://e' })
    ).json().id as string;
    const west = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'west-1', api_server_url: 'https://w' })
    ).json().id as string;
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${east}`, t.users.admin.token, {});
    const batch = { max_delay_ms: 20 };
    const viewer = await as(t.users.viewer.token, { event_types: ['GPU_UPDATE'], batch });
    const shop = await as(t.users.admin.token, { namespace_filter: ['shop'], cluster_filter: [west], batch });
    const sent: [number, 'GPU_UPDATE' | 'METRIC_UPDATE', object][] = [
      [1, 'GPU_UPDATE', { cluster_id: west }],
      [2, 'GPU_UPDATE', { cluster_id: east }],
      [3, 'METRIC_UPDATE', { cluster_id: east }],
      [4, 'GPU_UPDATE', {}],
      [5, 'METRIC_UPDATE', { cluster_id: west, namespace: 'shop' }],
      [6, 'GPU_UPDATE', { cluster_id: east, namespace: 'shop' }],
      [7, 'GPU_UPDATE', { cluster_id: west, namespace: 'other' }],
      // Last, one event for each subscriber: events arrive in publish order, so any wrongly let through came first.
      [8, 'GPU_UPDATE', { cluster_id: east }],
      [9, 'METRIC_UPDATE', { cluster_id: west, namespace: 'shop' }],
    ];
    for (const [n, type, more] of sent) await publish(n, type, more);
    expect((await takeBatches(viewer, 3)).flat().map((e) => e.payload.n)).toEqual([2, 6, 8]);
    expect((await takeBatches(shop, 2)).flat().map((e) => e.payload.n)).toEqual([5, 9]);
    expect([...viewer.queue, ...shop.queue]).toEqual([]);
  });

  it('rejects a malformed batch option and keeps the subscription; a new subscription ends batching', async () => {
    const { t, as, publish } = await start();
    const client = await as(t.users.admin.token, { batch: { max_delay_ms: 50 } });
    for (const bad of [{ max_delay_ms: 0 }, { max_delay_ms: 5_000 }, { max_delay_ms: 2.5 }, { max_events: 10 }, 25]) {
      client.socket.send(JSON.stringify({ batch: bad }));
      expect(await client.next()).toMatchObject({ error_code: 'INPUT' });
    }
    await publish(1, 'GPU_UPDATE');
    // Events collected before the switch arrive before the new acknowledgement, then single events follow.
    client.socket.send(JSON.stringify({ client_id: 'plain' }));
    expect((await client.next<Received[]>()).map((e) => e.payload.n)).toEqual([1]);
    expect(await client.next()).toMatchObject({ client_id: 'plain' });
    await publish(2, 'GPU_UPDATE');
    expect(await client.next()).toMatchObject({ payload: { n: 2 } });
  });
});
