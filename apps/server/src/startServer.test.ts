import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpspilotConfig } from '@opspilot/config';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerStore, startServer } from './startServer.js';

// A real SQLite database file behind the store port. TODO(lead): use openStore from @opspilot/store once it exists.
function sqliteStore(path: string): ServerStore & { closed: () => boolean } {
  const db = new Database(path);
  return {
    ping: async () => db.prepare('select 1 as ok').get(),
    close: async () => {
      db.close();
    },
    closed: () => !db.open,
  };
}

let dir: string;
let server: RunningServer | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opspilot-server-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on 127.0.0.1 and serves /healthz, /readyz and /metrics over real HTTP', async () => {
    const parsed = OpspilotConfig.parse({ data_dir: dir });
    const config = { ...parsed, server: { ...parsed.server, port: 0 } };
    const store = sqliteStore(config.database.sqlite_path);
    server = await startServer({ config, store, logger: pino({ level: 'silent' }) });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`, { headers: { 'x-request-id': 'probe-1' } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toBe('probe-1');
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await metrics.text()).toContain('http_requests_total{route="/readyz",method="GET",status="200"} 1');

    await server.close();
    expect(store.closed()).toBe(true);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('answers /readyz with 503 and the reason once the store is closed', async () => {
    const parsed = OpspilotConfig.parse({ data_dir: dir });
    const config = { ...parsed, server: { ...parsed.server, port: 0 } };
    const store = sqliteStore(config.database.sqlite_path);
    server = await startServer({ config, store, logger: pino({ level: 'silent' }) });
    await store.close();
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', reason: 'store: The database connection is not open' });
  });
});
