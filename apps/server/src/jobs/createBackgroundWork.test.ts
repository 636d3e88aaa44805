import { randomBytes } from 'node:crypto';
import { createEventBus } from '@opspilot/bus';
import { OpspilotConfig } from '@opspilot/config';
import type { Event, EventBus } from '@opspilot/core';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerHealthRoutes } from '../healthRoutes.js';
import { startTcpProxy, type TcpProxy } from '../testing/startTcpProxy.js';
import { type BackgroundWork, createBackgroundWork } from './createBackgroundWork.js';

const REDIS_URL = new URL(process.env.OPSPILOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const NATS_URL = new URL(process.env.OPSPILOT_TEST_NATS_URL ?? 'nats://127.0.0.1:4222');
const logger = { warn: () => undefined, info: () => undefined };

/** `url` with its host and port replaced by those of `proxy`. */
function through(url: URL, proxy: TcpProxy): string {
  const copy = new URL(url);
  copy.hostname = '127.0.0.1';
  copy.port = String(proxy.port);
  return copy.toString();
}

const event = (namespace: string): Event => ({
  event_type: 'ALERT_FIRED',
  namespace,
  timestamp: new Date().toISOString(),
  payload: {},
});

// One server process's background work, its event bus and job queue reaching the real Redis or NATS through a proxy
// the test cuts (the shared services stay up): the process stops watching its clusters and taking jobs, /readyz
// names what was lost, and once it is back both take work again and events flow again.
describe.each([
  ['Redis (BullMQ jobs, Redis events)', 'redis'],
  ['NATS (pg-boss jobs, NATS events)', 'nats'],
] as const)('background work losing %s', (_name, service) => {
  let t: TestStore;
  let proxy: TcpProxy;
  let bus: EventBus;
  let work: BackgroundWork;
  const watching = new Set<string>();
  let cluster: string;

  beforeAll(async () => {
    t = await openTestStore('postgres');
    cluster = (
      await t.store.clusters.create({
        name: 'east',
        display_name: 'east',
        api_server_url: 'https://east.example.com:6443',
        cluster_type: 'HUB',
        platform: 'KUBERNETES',
        environment: 'PRODUCTION',
      })
    ).id;
    const upstream = service === 'redis' ? REDIS_URL : NATS_URL;
    proxy = await startTcpProxy(upstream.hostname, Number(upstream.port));
    const ns = `opspilot_lost_${randomBytes(4).toString('hex')}`;
    const url = through(upstream, proxy);
    const config = OpspilotConfig.parse({
      database: { url: t.options.databaseUrl },
      jobs:
        service === 'redis'
          ? { queue: 'bullmq', redis_url: url, namespace: ns, lease_ttl: '1s' }
          : { queue: 'pg-boss', namespace: ns, lease_ttl: '1s' },
      events: service === 'redis' ? { bus: 'redis', redis_url: url } : { bus: 'nats', nats_url: url },
    });
    bus = await createEventBus({ ...config.events, namespace: ns, logger });
    work = await createBackgroundWork({ config, store: t.store, logger });
    work.start(
      {
        watch: async (id) => void watching.add(id),
        unwatch: async (id) => void watching.delete(id),
      },
      bus,
    );
  }, 60_000);
  afterAll(async () => {
    await work?.close().catch(() => undefined);
    await bus?.close().catch(() => undefined);
    await proxy?.close();
    await t?.cleanup();
  });

  it('stops taking work while it is cut, says so on /readyz, and takes work and delivers events once it is back', async () => {
    const app = Fastify();
    registerHealthRoutes(app, work.health({ ping: () => t.store.ping(), close: async () => undefined }));
    const readiness = async () => {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      return { code: response.statusCode, body: response.json() };
    };
    await expect.poll(() => [...watching], { timeout: 20_000, interval: 50 }).toEqual([cluster]);
    expect(await readiness()).toEqual({ code: 200, body: { status: 'ready' } });
    const done: number[] = [];
    await work.jobs.process<{ n: number }>('lost-and-back', async (job) => void done.push(job.payload.n));

    proxy.cut();
    const lost = service === 'redis' ? /event bus \(redis\): .*job queue \(bullmq\): / : /event bus \(nats\): /;
    await expect.poll(readiness, { timeout: 20_000, interval: 100 }).toEqual({
      code: 503,
      body: { status: 'unavailable', reason: expect.stringMatching(lost) },
    });
    expect((await readiness()).body.reason).toMatch(/takes no job until it answers/);
    await expect.poll(() => watching.size, { timeout: 10_000, interval: 50 }).toBe(0);

    proxy.restore();
    await expect.poll(readiness, { timeout: 30_000, interval: 100 }).toEqual({ code: 200, body: { status: 'ready' } });
    await expect.poll(() => [...watching], { timeout: 20_000, interval: 50 }).toEqual([cluster]);
    // Jobs are taken again ...
    await work.jobs.enqueue('lost-and-back', { n: 1 });
    await expect.poll(() => done, { timeout: 30_000, interval: 100 }).toEqual([1]);
    // ... and the bus delivers again (what was published while it was cut is lost: delivery is at most once).
    const seen: string[] = [];
    const unsubscribe = bus.subscribe({}, (e) => void seen.push(e.namespace ?? ''));
    await expect
      .poll(
        async () => {
          await bus.publish(event('after'));
          return seen;
        },
        { timeout: 20_000, interval: 200 },
      )
      .toContain('after');
    unsubscribe();
    await app.close();
  }, 90_000);
});

describe('one server process (in-process jobs) losing its Redis event bus', () => {
  it('says so on /readyz, stopping its jobs but not its watchers, until Redis answers again', async () => {
    const t = await openTestStore('sqlite');
    const proxy = await startTcpProxy(REDIS_URL.hostname, Number(REDIS_URL.port));
    const config = OpspilotConfig.parse({
      jobs: { lease_ttl: '1s' },
      events: { bus: 'redis', redis_url: through(REDIS_URL, proxy) },
    });
    const bus = await createEventBus({ ...config.events, namespace: `lost_${randomBytes(4).toString('hex')}`, logger });
    const work = await createBackgroundWork({ config, store: t.store, logger });
    const app = Fastify();
    try {
      const fleet = { watch: async () => undefined, unwatch: async () => undefined };
      work.start(fleet, bus);
      registerHealthRoutes(app, work.health({ ping: () => t.store.ping(), close: async () => undefined }));
      const readiness = async () => {
        const response = await app.inject({ method: 'GET', url: '/readyz' });
        return { code: response.statusCode, body: response.json() };
      };
      expect(await readiness()).toEqual({ code: 200, body: { status: 'ready' } });
      proxy.cut();
      await expect.poll(readiness, { timeout: 20_000, interval: 100 }).toEqual({
        code: 503,
        body: {
          status: 'unavailable',
          reason: expect.stringMatching(/^lost event bus \(redis\): .*\(this process takes no job until it answers\)$/),
        },
      });
      proxy.restore();
      await expect
        .poll(readiness, { timeout: 30_000, interval: 100 })
        .toEqual({ code: 200, body: { status: 'ready' } });
    } finally {
      await app.close();
      await work.close();
      await bus.close();
      await proxy.close();
      await t.cleanup();
    }
  }, 90_000);
});

describe('a NATS event bus cut off from NATS', () => {
  it('reports the disconnect on ping, and closes while cut off', async () => {
    const proxy = await startTcpProxy(NATS_URL.hostname, Number(NATS_URL.port));
    const bus = await createEventBus({
      bus: 'nats',
      nats_url: through(NATS_URL, proxy),
      namespace: `cut_${randomBytes(4).toString('hex')}`,
      logger,
    });
    try {
      await bus.ping?.();
      proxy.cut();
      await expect
        .poll(
          () =>
            bus.ping?.().then(
              () => 'answers',
              (error: Error) => error.message,
            ),
          { timeout: 20_000 },
        )
        .toMatch(/^cannot reach NATS for events: disconnected from /);
      await bus.close();
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
