import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { openStore, type Store } from '@opspilot/store';
import { TEST_DATABASE_URL } from '@opspilot/store/testing';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from './testing/startServerProcess.js';
import { startTcpProxy, type TcpProxy } from './testing/startTcpProxy.js';
import { type EventSocketClient, subscribeEvents } from './testing/subscribeEvents.js';

// Three real server processes (`main.ts`) share one PostgreSQL schema and one event bus; two simulated clusters run
// in this test. Each cluster is watched by the one process holding its lease; that process is killed (SIGKILL) and
// another must take the cluster over within 30 s, without publishing again what was already published (takeover)
// and without missing what changes afterwards — seen by the WebSocket clients of every surviving process.
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const READY_WITHIN_MS = 150_000;
const TAKEOVER_WITHIN_MS = 30_000;
const REDIS_URL = process.env.OPSPILOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NATS_URL = process.env.OPSPILOT_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

const VARIANTS: [string, (ns: string) => Record<string, string>][] = [
  [
    'pg-boss + NATS',
    (ns) => ({
      OPSPILOT_JOBS_QUEUE: 'pg-boss',
      OPSPILOT_JOBS_NAMESPACE: `${ns}_jobs`,
      OPSPILOT_EVENTS_BUS: 'nats',
      OPSPILOT_EVENTS_NATS_URL: NATS_URL,
    }),
  ],
  [
    'BullMQ + Redis',
    (ns) => ({
      OPSPILOT_JOBS_QUEUE: 'bullmq',
      OPSPILOT_JOBS_NAMESPACE: ns,
      OPSPILOT_JOBS_REDIS_URL: REDIS_URL,
      OPSPILOT_EVENTS_BUS: 'redis',
      OPSPILOT_EVENTS_REDIS_URL: REDIS_URL,
    }),
  ],
];

interface StatusEvent {
  event_type: string;
  cluster_id?: string;
  payload: { change?: string; state?: string; previous_state?: string };
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
}

describe.each(VARIANTS)('three server processes on PostgreSQL with %s', (_name, envFor) => {
  const ns = `opspilot_scale_${randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const sockets: EventSocketClient[] = [];
  const sims: SimCluster[] = [];
  /** Each process reaches PostgreSQL through a proxy of its own, which the test cuts to take its database away. */
  const proxies: TcpProxy[] = [];
  const stderr: string[] = [];
  let store: Store;
  let token: string;

  const start = async (worker: string, env: Record<string, string>, firstStart = false) => {
    const dir = await mkdtemp(join(tmpdir(), 'opspilot-scale-'));
    dirs.push(dir);
    const database = new URL(TEST_DATABASE_URL);
    const proxy = await startTcpProxy(database.hostname, Number(database.port || 5432));
    proxies[Number(worker.slice(1)) - 1] = proxy;
    database.hostname = '127.0.0.1';
    database.port = String(proxy.port);
    database.search = `?options=${encodeURIComponent(`-c search_path=${ns}`)}`;
    return startServerProcess({
      args: ['--import', 'tsx', MAIN],
      cwd: ROOT,
      env: {
        ...env,
        OPSPILOT_DATA_DIR: dir,
        OPSPILOT_JOBS_WORKER_ID: worker,
        OPSPILOT_DATABASE_URL: database.toString(),
      },
      firstStart,
      readyWithinMs: READY_WITHIN_MS,
    });
  };

  beforeAll(async () => {
    store = await openStore({ databaseUrl: TEST_DATABASE_URL, postgresSchema: ns });
    const env = {
      ...envFor(ns),
      OPSPILOT_SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      OPSPILOT_KUBE_CLUSTER: 'kubeconfig',
      OPSPILOT_JOBS_LEASE_TTL: '5s',
      OPSPILOT_LOG_LEVEL: 'warn',
    };
    const first = await start('p1', env, true);
    servers.push(first);
    token = first.token ?? '';
    servers.push(...(await Promise.all([start('p2', env), start('p3', env)])));
    // What a process says after its start, to explain an unexpected exit.
    for (const [i, server] of servers.entries()) {
      stderr[i] = '';
      server.child.stderr?.on('data', (d) => {
        stderr[i] = `${stderr[i]}${String(d)}`.slice(-4_000);
      });
    }
    sims.push(...(await Promise.all([startSimCluster({ scenario: 'demo' }), startSimCluster({ scenario: 'demo' })])));
  }, 2 * READY_WITHIN_MS);

  afterAll(async () => {
    for (const s of sockets) s.socket.terminate();
    await Promise.all(servers.map((s) => stopped(s.child, 'SIGKILL')));
    await Promise.all(sims.map((s) => s.stop()));
    await Promise.all(proxies.map((p) => p.close()));
    await sql`drop schema if exists ${sql.id(ns)} cascade`.execute(store.db);
    await sql`drop schema if exists ${sql.id(`${ns}_jobs`)} cascade`.execute(store.db);
    await store?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${ns}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  }, 60_000);

  const api = async (server: ServerProcess, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const holders = async () => {
    const { rows } = await sql<{ cluster_id: string; owner: string }>`
      select cluster_id, owner from watcher_leases`.execute(store.db);
    return new Map(rows.map((r) => [r.cluster_id, r.owner.split(':')[0] as string]));
  };
  /** The STATUS changes of `cluster` a socket received (messages may be batches). */
  const statusChanges = (client: EventSocketClient, cluster: string) =>
    client.queue
      .flat()
      .map((m) => m as StatusEvent)
      .filter((e) => e.cluster_id === cluster && e.payload?.change === 'STATUS');

  it(
    'watches each cluster in exactly one process, and another takes over within 30 s of a SIGKILL with no event missed or repeated',
    async () => {
      for (const server of servers) {
        const client = await subscribeEvents(
          server.url,
          { authorization: `Bearer ${token}` },
          { event_types: ['CLUSTER_STATUS_CHANGED'] },
        );
        sockets.push(client);
      }
      const ids: string[] = [];
      for (const [i, sim] of sims.entries()) {
        const created = await api(servers[i % 3] as ServerProcess, 'POST', '/clusters', {
          name: `scale-${i}`,
          kubeconfig: sim.kubeconfig,
          environment: 'STAGING',
        });
        ids.push(created.id as string);
      }
      const [a, b] = ids as [string, string];
      // Each cluster gets one watcher; its first report (UNKNOWN -> ONLINE) reaches every process's clients once.
      await expect.poll(async () => (await holders()).size, { timeout: 30_000, interval: 200 }).toBe(2);
      for (const client of sockets) {
        await expect
          .poll(() => [a, b].map((id) => statusChanges(client, id).length), { timeout: 60_000, interval: 200 })
          .toEqual([1, 1]);
      }
      expect(statusChanges(sockets[0] as EventSocketClient, a)[0]?.payload).toMatchObject({
        state: 'ONLINE',
        previous_state: 'UNKNOWN',
      });

      const owner = (await holders()).get(a) as string;
      const killed = Number(owner.slice(1)) - 1;
      const killedAt = Date.now();
      await stopped((servers[killed] as ServerProcess).child, 'SIGKILL');
      const survivors = [0, 1, 2].filter((i) => i !== killed);

      // Taken over by a survivor within 30 s (lease 5 s here), and both clusters still have exactly one watcher.
      const alive = survivors.map((i) => `p${i + 1}`);
      await expect
        .poll(
          async () => {
            const now = await holders();
            return [a, b].every((id) => alive.includes(now.get(id) ?? ''));
          },
          { timeout: TAKEOVER_WITHIN_MS, interval: 100 },
        )
        .toBe(true);
      expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_WITHIN_MS);
      // The new watcher's first report is recorded (it probed the cluster after the kill) ...
      await expect
        .poll(async () => (await store.clusters.find(a))?.last_seen_at ?? '', { timeout: 30_000, interval: 200 })
        .toSatisfy((seen: string) => Date.parse(seen) > killedAt);

      // ... and a change after the takeover is published once, by the new owner, to the clients of every survivor.
      await (sims[0] as SimCluster).stop();
      for (const i of survivors) {
        const client = sockets[i] as EventSocketClient;
        await expect.poll(() => statusChanges(client, a).length, { timeout: 60_000, interval: 200 }).toBe(2);
      }
      for (const i of survivors) {
        const changes = statusChanges(sockets[i] as EventSocketClient, a);
        // Nothing was re-announced by the takeover: the second change starts from ONLINE, not from UNKNOWN.
        expect(changes[1]?.payload, JSON.stringify(changes)).toMatchObject({ previous_state: 'ONLINE' });
        expect(changes[1]?.payload.state).not.toBe('ONLINE');
        expect(statusChanges(sockets[i] as EventSocketClient, b)).toHaveLength(1);
      }
      const audited = await api(
        servers[survivors[0] as number] as ServerProcess,
        'GET',
        '/audit?action=cluster.status',
      );
      const forA = (audited.items as { cluster_id?: string }[]).filter((e) => e.cluster_id === a);
      expect(forA).toHaveLength(2);

      // A survivor loses the database: it stops its watchers, /readyz says why, the other survivor takes everything
      // (without announcing again what it already knew), and the first takes work again once the database is back.
      const [lose, keep] = survivors as [number, number];
      const readiness = async () => {
        const { child, url } = servers[lose] as ServerProcess;
        if (child.exitCode !== null) throw new Error(`p${lose + 1} exited with ${child.exitCode}: ${stderr[lose]}`);
        const response = await fetch(`${url}/readyz`);
        return { code: response.status, body: await response.json() };
      };
      (proxies[lose] as TcpProxy).cut();
      await expect.poll(readiness, { timeout: 30_000, interval: 200 }).toMatchObject({
        code: 503,
        body: { status: 'unavailable', reason: expect.stringMatching(/^store: .*takes no job/) },
      });
      await expect
        .poll(async () => [...(await holders()).values()], { timeout: TAKEOVER_WITHIN_MS, interval: 100 })
        .toEqual([`p${keep + 1}`, `p${keep + 1}`]);
      (proxies[lose] as TcpProxy).restore();
      await expect
        .poll(readiness, { timeout: 30_000, interval: 200 })
        .toEqual({ code: 200, body: { status: 'ready' } });
      expect(statusChanges(sockets[keep] as EventSocketClient, b)).toHaveLength(1);
      expect(statusChanges(sockets[keep] as EventSocketClient, a)).toHaveLength(2);
    },
    3 * TAKEOVER_WITHIN_MS + 120_000,
  );
});
