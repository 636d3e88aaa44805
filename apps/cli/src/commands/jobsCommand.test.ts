import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgBossJobQueue } from '@opspilot/jobs';
import { openStore, type Store } from '@opspilot/store';
import { TEST_DATABASE_URL } from '@opspilot/store/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const schema = `opspilot_cli_jobs_${randomBytes(4).toString('hex')}`;
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-jobs-'));
const env = {
  OPSPILOT_DATA_DIR: join(cwd, 'data'),
  OPSPILOT_DATABASE_URL: `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
  OPSPILOT_JOBS_QUEUE: 'pg-boss',
  OPSPILOT_JOBS_NAMESPACE: `${schema}_jobs`,
};

describe('opspilot jobs', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ databaseUrl: TEST_DATABASE_URL, postgresSchema: schema });
    await store.migrate();
  });
  afterAll(async () => {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
    await sql`drop schema if exists ${sql.id(`${schema}_jobs`)} cascade`.execute(store.db);
    await store.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('lists jobs parked after their retries in a table, JSON or YAML', async () => {
    const queue = await createPgBossJobQueue({
      connectionString: TEST_DATABASE_URL,
      schema: `${schema}_jobs`,
      pollingIntervalSeconds: 0.5,
    });
    await queue.process('report.render', async () => {
      throw new Error('the cluster east did not answer');
    });
    await queue.enqueue('report.render', { cluster: 'east' }, { attempts: 1 });
    await expect.poll(async () => (await queue.parked()).length, { timeout: 20_000, interval: 200 }).toBe(1);
    await queue.close();

    const table = memoryIo(env, cwd);
    expect(await runCli(['jobs', 'parked'], table)).toBe(0);
    expect(table.out()).toMatch(
      /^NAME +ID +ATTEMPTS +PARKED +ERROR\nreport\.render .* 1 .* the cluster east did not answer/,
    );
    const json = memoryIo(env, cwd);
    expect(await runCli(['jobs', 'parked', '-o', 'json'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({
      kind: 'ParkedJobList',
      queue: 'pg-boss',
      items: [{ name: 'report.render', payload: { cluster: 'east' }, attempts: 1 }],
    });
    const bad = memoryIo(env, cwd);
    expect(await runCli(['jobs', 'parked', '--limit', '0'], bad)).not.toBe(0);
    expect(bad.err()).toContain('--limit must be 1 or more');
  }, 60_000);

  it('lists which process holds which cluster’s watcher lease', async () => {
    const cluster = await store.clusters.create({
      name: 'east',
      display_name: 'east',
      api_server_url: 'https://east.example.com:6443',
      cluster_type: 'HUB',
      platform: 'KUBERNETES',
      environment: 'PRODUCTION',
    });
    await sql`insert into watcher_leases (cluster_id, owner, expires_at) values (${cluster.id}, 'pod-a:1:abc', ${Date.parse('2026-03-01T10:00:15Z')})`.execute(
      store.db,
    );
    const yaml = memoryIo(env, cwd);
    expect(await runCli(['jobs', 'leases', '-o', 'yaml'], yaml)).toBe(0);
    expect(parse(yaml.out())).toMatchObject({
      kind: 'WatcherLeaseList',
      items: [{ cluster: 'east', owner: 'pod-a:1:abc', expires_at: '2026-03-01T10:00:15.000Z' }],
    });
    const table = memoryIo(env, cwd);
    expect(await runCli(['jobs', 'leases'], table)).toBe(0);
    expect(table.out()).toMatch(/CLUSTER +OWNER +EXPIRES\neast +pod-a:1:abc +2026-03-01T10:00:15.000Z/);
  });
});
