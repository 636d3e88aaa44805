import { openStore, type Store } from '@opspilot/store';
import { TEST_DATABASE_URL } from '@opspilot/store/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../testing/startTcpProxy.js';
import { watchDependencies } from './watchDependencies.js';

describe('losing the PostgreSQL database', () => {
  let proxy: TcpProxy;
  let store: Store;
  let direct: Store;
  beforeAll(async () => {
    const url = new URL(TEST_DATABASE_URL);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    store = await openStore({ databaseUrl: url.toString() });
    direct = await openStore({ databaseUrl: TEST_DATABASE_URL });
  });
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    await direct?.close();
    await proxy?.close();
  });

  it('fails the query in flight without ending the process, is reported lost, and back when it answers', async () => {
    const events: string[] = [];
    const watch = watchDependencies([{ name: 'database', ping: () => store.ping() }], {
      everyMs: 100,
      timeoutMs: 1_000,
      onLost: (reason) => void events.push(`lost: ${reason}`),
      onBack: () => void events.push('back'),
    });
    const marker = `opspilot_in_flight_${process.pid}`;
    const inFlight = sql`select pg_sleep(30), ${sql.lit(marker)}::text`.execute(store.db);
    await expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
              where query like ${`%${marker}%`} and pid <> pg_backend_pid()`.execute(direct.db)
          ).rows[0]?.n,
        { timeout: 10_000, interval: 50 },
      )
      .toBe(1);
    proxy.cut();
    await expect(inFlight).rejects.toThrow();
    await expect
      .poll(() => events, { timeout: 10_000, interval: 50 })
      .toEqual([expect.stringMatching(/^lost: database: /)]);
    expect(watch.lost()).toBeDefined();
    proxy.restore();
    await expect.poll(() => events.at(-1), { timeout: 10_000, interval: 50 }).toBe('back');
    expect(watch.lost()).toBeUndefined();
    await store.ping();
    watch.stop();
  }, 30_000);
});
