import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@opspilot/store';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'opspilot-report-schedules-'));
});

async function cli(args: string[]) {
  const io = memoryIo({ OPSPILOT_USER: 'ana' }, dir);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('opspilot report schedules', { timeout: 240_000 }, () => {
  it('creates, changes, disables, enables, lists and deletes a schedule; the secret is sealed and never printed', async () => {
    const created = await cli([
      'report',
      'schedules',
      'set',
      'weekly-exec',
      '--type',
      'executive',
      '--cron',
      '0 8 * * MON',
      '--timezone',
      'Europe/Berlin',
      '--webhook-url',
      'https://hooks.example/reports',
      '--webhook-secret',
      'very-secret-1',
      '-o',
      'json',
    ]);
    expect(created.code, created.err).toBe(0);
    const schedule = JSON.parse(created.out);
    expect(schedule).toMatchObject({
      name: 'weekly-exec',
      report_type: 'EXECUTIVE_SUMMARY',
      format: 'HTML',
      signed: true,
    });
    expect(created.out).not.toContain('very-secret-1');
    expect(new Date(schedule.next_run_at).getUTCDay()).toBe(1);

    const incomplete = await cli(['report', 'schedules', 'set', 'nightly', '--format', 'pdf']);
    expect(incomplete.code).not.toBe(0);
    expect(incomplete.err).toContain('create it with --type and --cron');
    const badCron = await cli(['report', 'schedules', 'set', 'weekly-exec', '--cron', 'sometimes']);
    expect(badCron.code).not.toBe(0);
    expect(badCron.err).toContain('invalid cron expression');

    const changed = await cli([
      'report',
      'schedules',
      'set',
      'weekly-exec',
      '--format',
      'pdf',
      '--cron',
      '0 6 * * *',
      '-o',
      'yaml',
    ]);
    expect(changed.code, changed.err).toBe(0);
    expect(parse(changed.out)).toMatchObject({ format: 'PDF', cron: '0 6 * * *', signed: true });

    const disabled = JSON.parse((await cli(['report', 'schedules', 'disable', 'weekly-exec', '-o', 'json'])).out);
    expect(disabled).toMatchObject({ enabled: false });
    expect(disabled.next_run_at).toBeUndefined();
    const enabled = JSON.parse((await cli(['report', 'schedules', 'enable', schedule.id, '-o', 'json'])).out);
    expect(enabled.enabled).toBe(true);
    expect(Date.parse(enabled.next_run_at)).toBeGreaterThan(Date.now());

    const table = await cli(['report', 'schedules']);
    expect(table.out.split('\n')[0]).toMatch(
      /^NAME\s+TYPE\s+FORMAT\s+CRON\s+TIMEZONE\s+ENABLED\s+WEBHOOK\s+NEXT RUN\s+LAST STATUS$/,
    );
    expect(table.out).toMatch(
      /weekly-exec\s+EXECUTIVE_SUMMARY\s+PDF\s+0 6 \* \* \*\s+Europe\/Berlin\s+yes\s+https:\/\/hooks\.example\/reports \(signed\)/,
    );

    // At rest the secret is sealed; the audit trail names what changed, never the secret.
    const store = await openStore({ sqlitePath: join(dir, '.opspilot', 'opspilot.db') });
    try {
      const raw = await sql<{ webhook_secret: string }>`select webhook_secret from report_schedules`.execute(store.db);
      expect(raw.rows[0]?.webhook_secret).toMatch(/^sealed:v1:/);
      const trail = (await store.audit.list({ target: `report-schedule/${schedule.id}` }, { page_size: 20 })).items;
      expect(trail.map((e) => e.action).sort()).toEqual(
        ['report.scheduled', 'report.schedule.updated', 'report.schedule.disabled', 'report.schedule.enabled'].sort(),
      );
      expect(trail.every((e) => e.user_id === 'ana')).toBe(true);
      expect(JSON.stringify(trail)).not.toContain('very-secret-1');
    } finally {
      await store.close();
    }

    const cleared = JSON.parse(
      (await cli(['report', 'schedules', 'set', 'weekly-exec', '--clear-webhook', '-o', 'json'])).out,
    );
    expect(cleared).toMatchObject({ signed: false });
    expect(cleared.webhook_url).toBeUndefined();
    const deleted = await cli(['report', 'schedules', 'delete', 'weekly-exec', '-o', 'json']);
    expect(JSON.parse(deleted.out)).toMatchObject({ deleted: true });
    expect((await cli(['report', 'schedules', 'delete', 'weekly-exec'])).err).toContain('not found');
    expect((await cli(['report', 'schedules', 'list'])).out).toContain('No report schedules.');
  });
});
