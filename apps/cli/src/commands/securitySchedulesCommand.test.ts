import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@opspilot/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withStore } from '../openCliStore.js';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

describe('opspilot security schedules', () => {
  let dir: string;
  const cli = async (...args: string[]) => {
    const io = memoryIo({}, dir);
    const code = await runCli(args, io);
    return { code, out: io.out(), err: io.err() };
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opspilot-scan-schedules-'));
    await withStore(await loadConfig({ cwd: dir, env: {} }), dir, async (store) => {
      await store.clusters.create({ name: 'prod-eu', api_server_url: 'https://10.0.0.1:6443' });
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds, lists, changes and deletes scan schedules, audited, as tables, JSON and YAML', async () => {
    expect((await cli('security', 'schedules')).out).toContain('No scan schedules');
    const added = await cli(
      'security',
      'schedules',
      'add',
      '--cron',
      '0 2 * * *',
      '--timezone',
      'Europe/Berlin',
      '-n',
      'shop',
      '-o',
      'json',
    );
    expect(added.code, added.err).toBe(0);
    const schedule = JSON.parse(added.out);
    expect(schedule).toMatchObject({ cron: '0 2 * * *', timezone: 'Europe/Berlin', namespace: 'shop', enabled: true });
    // 02:00 in Berlin is 01:00 or 00:00 UTC, depending on the season
    expect(schedule.next_run_at).toMatch(/T0[01]:00:00/);

    const table = await cli('security', 'schedules', 'list');
    expect(table.out.split('\n')[0]).toMatch(/^ID +CLUSTER +NAMESPACE +CRON +TIMEZONE +ENABLED +NEXT RUN +LAST RUN$/);
    expect(table.out).toMatch(
      new RegExp(`${schedule.id.slice(0, 8)} +prod-eu +shop +0 2 \\* \\* \\* +Europe/Berlin +yes`),
    );

    const changed = await cli(
      'security',
      'schedules',
      'set',
      schedule.id.slice(0, 8),
      '--cron',
      '30 6 * * MON',
      '--timezone',
      'UTC',
      '--disable',
      '-A',
      '-o',
      'yaml',
    );
    expect(changed.code, changed.err).toBe(0);
    const yaml = parse(changed.out);
    expect(yaml).toMatchObject({ cron: '30 6 * * MON', timezone: 'UTC', enabled: false });
    expect(yaml.namespace).toBeUndefined();
    expect(yaml.next_run_at).toMatch(/T06:30:00/);
    expect(new Date(yaml.next_run_at).getUTCDay()).toBe(1);

    const listed = JSON.parse((await cli('security', 'schedules', 'list', '--cluster', 'prod-eu', '-o', 'json')).out);
    expect(listed.items).toEqual([expect.objectContaining({ id: schedule.id, cluster: 'prod-eu', enabled: false })]);

    expect((await cli('security', 'schedules', 'delete', schedule.id)).code).toBe(0);
    expect(JSON.parse((await cli('security', 'schedules', '-o', 'json')).out).items).toEqual([]);
    const audit = await cli('audit', 'list', '-o', 'json');
    for (const action of ['security.schedule.created', 'security.schedule.updated', 'security.schedule.deleted'])
      expect(audit.out).toContain(action);
  });

  it('refuses a bad cron, an unknown time zone, an unknown cluster and an unknown schedule', async () => {
    const cron = await cli('security', 'schedules', 'add', '--cron', 'every day');
    expect(cron.code).toBe(2);
    expect(cron.err).toContain('--cron');
    const tz = await cli('security', 'schedules', 'add', '--cron', '0 2 * * *', '--timezone', 'Mars/Olympus');
    expect(tz.code).toBe(2);
    expect(tz.err).toContain('IANA');
    const cluster = await cli('security', 'schedules', 'add', '--cron', '0 2 * * *', '--cluster', 'nowhere');
    expect(cluster.code).toBe(2);
    expect(cluster.err).toContain('no registered cluster nowhere');
    expect((await cli('security', 'schedules', 'delete', 'deadbeef')).code).toBe(2);
  });
});
