import { openStore, type Store } from '@opspilot/store';
import { openTestStore, type TestStore } from '@opspilot/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../testing/startTcpProxy.js';
import { createWatcherLeases, type WatcherLeases } from './watcherLeases.js';
import { watcherLeaseTable } from './watcherLeaseTable.js';

const TTL_MS = 1_500;
const logger = { warn: () => undefined, info: () => undefined };

/** Every watcher start and stop of every process, on one clock, to check that no two ever overlap. */
const spans: { cluster: string; owner: string; from: number; to?: number }[] = [];
function fleetOf(owner: string) {
  return {
    async watch(cluster: string) {
      spans.push({ cluster, owner, from: performance.now() });
    },
    async unwatch(cluster: string) {
      const open = spans.find((s) => s.cluster === cluster && s.owner === owner && s.to === undefined);
      if (open) open.to = performance.now();
    },
  };
}
const watching = (owner: string) => spans.filter((s) => s.owner === owner && s.to === undefined).map((s) => s.cluster);

function expectNoOverlap() {
  for (const cluster of new Set(spans.map((s) => s.cluster))) {
    const mine = spans.filter((s) => s.cluster === cluster).sort((a, b) => a.from - b.from);
    for (let i = 1; i < mine.length; i++) {
      const before = mine[i - 1] as (typeof mine)[number];
      expect(before.to, `${before.owner} still watched ${cluster} when the next one started`).toBeDefined();
      expect(before.to as number).toBeLessThanOrEqual((mine[i] as (typeof mine)[number]).from);
    }
  }
}

describe('watcher leases on PostgreSQL', () => {
  let t: TestStore;
  let proxy: TcpProxy;
  let viaProxy: Store;
  const clusters: string[] = [];
  const leases: WatcherLeases[] = [];
  beforeAll(async () => {
    t = await openTestStore('postgres');
    for (const name of ['east', 'west', 'north']) {
      const cluster = await t.store.clusters.create({
        name,
        display_name: name,
        api_server_url: `https://${name}.example.com:6443`,
        cluster_type: 'HUB',
        platform: 'KUBERNETES',
        environment: 'PRODUCTION',
      });
      clusters.push(cluster.id);
    }
    const url = new URL(t.options.databaseUrl as string);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    viaProxy = await openStore({ ...t.options, databaseUrl: url.toString() });
  });
  afterAll(async () => {
    await Promise.all(leases.map((l) => l.close().catch(() => undefined)));
    await viaProxy?.close().catch(() => undefined);
    await proxy?.close();
    await t?.cleanup();
  });

  it('gives each cluster to one process, hands a lost process’s clusters over, and never lets two overlap', async () => {
    const open = (owner: string, store: Store) => {
      const l = createWatcherLeases({ store, fleet: fleetOf(owner), owner, ttlMs: TTL_MS, logger });
      leases.push(l);
      l.start();
      return l;
    };
    // `a` reaches the database through the proxy the test cuts; `b` and `c` directly.
    const a = open('a', viaProxy);
    const b = open('b', t.store);
    const c = open('c', t.store);
    await expect
      .poll(() => [...a.owned(), ...b.owned(), ...c.owned()].sort(), { timeout: 20_000, interval: 50 })
      .toEqual([...clusters].sort());
    const held = (await watcherLeaseTable(t.store).holders()).map((h) => [h.cluster_id, h.owner]);
    expect(held.sort()).toEqual(
      [...[a, b, c].entries()].flatMap(([i, l]) => l.owned().map((id) => [id, 'abc'[i]])).sort(),
    );

    const [lost] = a.owned() as [string];
    const cutAt = performance.now();
    proxy.cut();
    // `a` cannot renew: it stops its watcher by itself, and only then may `b` or `c` take the cluster.
    await expect.poll(() => watching('a'), { timeout: 10_000, interval: 20 }).toEqual([]);
    await expect.poll(() => [...b.owned(), ...c.owned()].includes(lost), { timeout: 10_000, interval: 20 }).toBe(true);
    expect(performance.now() - cutAt).toBeLessThan(TTL_MS * 2 + 1_000);
    expectNoOverlap();

    // The database comes back: `a` takes work again, but not what is held by the others.
    proxy.restore();
    await t.store.clusters.create({
      name: 'south',
      display_name: 'south',
      api_server_url: 'https://south.example.com:6443',
      cluster_type: 'HUB',
      platform: 'KUBERNETES',
      environment: 'PRODUCTION',
    });
    await expect
      .poll(() => a.owned().length + b.owned().length + c.owned().length, { timeout: 20_000, interval: 50 })
      .toBe(4);
    expectNoOverlap();

    // A process shutting down releases its leases: another takes them over within a round, not a whole lease.
    const leaving = b.owned();
    await b.close();
    await expect
      .poll(() => leaving.every((id) => a.owns(id) || c.owns(id)), { timeout: TTL_MS * 3, interval: 20 })
      .toBe(true);
    expectNoOverlap();
  }, 60_000);
});
