import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createEventBus } from '@opspilot/bus';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startTestApi, subscribeEvents as subscribe, type TestApi } from '../testing/index.js';

const REDIS_URL = process.env.OPSPILOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NATS_URL = process.env.OPSPILOT_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

async function listen(t: TestApi): Promise<string> {
  return t.app.listen({ host: '127.0.0.1', port: 0 });
}

describe('the /api/events WebSocket', () => {
  const started: TestApi[] = [];
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.terminate();
    await Promise.all(started.splice(0).map((t) => t.close()));
  });
  const start = async (options: Parameters<typeof startTestApi>[0] = {}) => {
    const t = await startTestApi(options);
    started.push(t);
    return { t, url: await listen(t) };
  };

  it('acknowledges a subscription and delivers only the matching events the caller may see', async () => {
    const { t, url } = await start();
    const east = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'east-1', api_server_url: 'https://e' })
    ).json().id as string;
    const west = (
      await t.rest('POST', '/clusters', t.users.admin.token, { name: 'west-1', api_server_url: 'https://w' })
    ).json().id as string;
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${east}`, t.users.admin.token, {});
    const client = await subscribe(
      url,
      { authorization: `Bearer ${t.users.viewer.token}` },
      {
        event_types: ['ALERT_FIRED'],
        client_id: 'dashboard-1',
      },
    );
    sockets.push(client.socket);
    expect(client.ack).toMatchObject({ client_id: 'dashboard-1', event_types: ['ALERT_FIRED'], cluster_filter: [] });
    const at = t.clock.now().toISOString();
    await t.services.bus.publish({ event_type: 'ALERT_FIRED', cluster_id: west, timestamp: at, payload: { n: 1 } });
    await t.services.bus.publish({ event_type: 'GPU_UPDATE', cluster_id: east, timestamp: at, payload: { n: 2 } });
    await t.services.bus.publish({ event_type: 'ALERT_FIRED', cluster_id: east, timestamp: at, payload: { n: 3 } });
    expect(await client.next()).toMatchObject({ event_type: 'ALERT_FIRED', cluster_id: east, payload: { n: 3 } });
    expect(client.queue).toEqual([]);
    client.socket.send('{"event_types":["NOT_A_TYPE"]}');
    expect(await client.next()).toMatchObject({ error_code: 'INPUT' });
  });

  it('sends the events of one turn as separate single-event messages, in publish order, to every subscriber', async () => {
    const { t, url } = await start();
    const headers = { authorization: `Bearer ${t.users.admin.token}` };
    const everything = await subscribe(url, headers, {});
    const gpuOnly = await subscribe(url, headers, { event_types: ['GPU_UPDATE'] });
    sockets.push(everything.socket, gpuOnly.socket);
    // ws clients offer permessage-deflate; the server declines it, so every subscriber shares the same frames.
    expect(everything.socket.extensions).toBe('');
    const at = t.clock.now().toISOString();
    const published = Array.from({ length: 40 }, (_, n) =>
      t.services.bus.publish({ event_type: n % 2 ? 'GPU_UPDATE' : 'METRIC_UPDATE', timestamp: at, payload: { n } }),
    );
    await Promise.all(published);
    const all = await Promise.all(Array.from({ length: 40 }, () => everything.next()));
    expect(all.map((e) => (e.payload as { n: number }).n)).toEqual([...Array(40).keys()]);
    const gpu = await Promise.all(Array.from({ length: 20 }, () => gpuOnly.next()));
    expect(gpu.map((e) => [e.event_type, (e.payload as { n: number }).n])).toEqual(
      [...Array(20).keys()].map((i) => ['GPU_UPDATE', 2 * i + 1]),
    );
  });

  it('refuses a foreign Origin and callers without credentials, and accepts a session cookie', async () => {
    const { t, url } = await start({ config: { server: { public_url: 'https://ops.example.com' } } });
    const token = { authorization: `Bearer ${t.users.admin.token}` };
    await expect(subscribe(url, { ...token, origin: 'https://evil.example.net' }, {})).rejects.toThrow('HTTP 403');
    await expect(subscribe(url, {}, {})).rejects.toThrow('HTTP 401');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: t.users.admin.password },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const client = await subscribe(url, { cookie, origin: 'https://ops.example.com' }, {});
    sockets.push(client.socket);
    expect(client.ack).toMatchObject({ event_types: [], namespace_filter: [] });
  });

  describe.each([
    ['redis', { bus: 'redis' as const, redis_url: REDIS_URL }],
    ['nats', { bus: 'nats' as const, nats_url: NATS_URL }],
  ])('two servers sharing %s', (kind, events) => {
    const namespace = `ws_${kind}_${randomBytes(4).toString('hex')}`;
    afterAll(async () => {
      if (kind !== 'nats') return;
      const nc = await connect({ servers: NATS_URL });
      await (await jetstreamManager(nc)).streams.delete(`OPSPILOT_EVENTS_${namespace}`).catch(() => false);
      await nc.close();
    });

    it('delivers an event published on one server to a WebSocket subscriber of the other', async () => {
      const first = await start({ config: { events }, busNamespace: namespace });
      const second = await start({ config: { events }, busNamespace: namespace });
      const client = await subscribe(
        second.url,
        { authorization: `Bearer ${second.t.users.admin.token}` },
        {
          event_types: ['CLUSTER_STATUS_CHANGED'],
        },
      );
      sockets.push(client.socket);
      const registered = await first.t.rest('POST', '/clusters', first.t.users.admin.token, {
        name: 'far-away',
        api_server_url: 'https://10.9.9.9',
      });
      expect(await client.next()).toMatchObject({
        event_type: 'CLUSTER_STATUS_CHANGED',
        cluster_id: registered.json().id,
        payload: { name: 'far-away', change: 'REGISTERED' },
      });
    });
  });

  it('uses its own bus connection per server (sanity check of the namespace isolation)', async () => {
    const bus = await createEventBus({
      bus: 'redis',
      redis_url: REDIS_URL,
      namespace: `iso_${randomBytes(3).toString('hex')}`,
    });
    let seen = 0;
    bus.subscribe({}, () => {
      seen += 1;
    });
    const other = `other_${randomBytes(3).toString('hex')}`;
    const serverBus = await createEventBus({ bus: 'redis', redis_url: REDIS_URL, namespace: other });
    const delivered = new Promise<void>((resolve) => serverBus.subscribe({}, () => resolve()));
    const { t } = await start({ config: { events: { bus: 'redis', redis_url: REDIS_URL } }, busNamespace: other });
    await t.rest('POST', '/clusters', t.users.admin.token, { name: 'quiet-1', api_server_url: 'https://q' });
    await delivered; // the server's own namespace has it: the same Redis had every chance to leak it by now
    expect(seen).toBe(0);
    await Promise.all([bus.close(), serverBus.close()]);
  });
});
