import { InputError } from '@opspilot/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

const schedule = {
  name: 'weekly',
  report_type: 'EXECUTIVE_SUMMARY' as const,
  format: 'HTML' as const,
  cron: '0 8 * * MON',
  timezone: 'UTC',
  period_days: 7,
  webhook_url: 'https://hooks.example/reports',
  created_by: 'alice',
};

const rawSecret = async (t: TestStore, id: string) =>
  (
    await sql<{ webhook_secret: string | null }>`select webhook_secret from report_schedules where id = ${id}`.execute(
      t.store.db,
    )
  ).rows[0]?.webhook_secret;

describe.each(DIALECTS)('report schedule webhook secrets on %s', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(dialect);
  });
  afterAll(async () => t?.cleanup());

  it('seals the secret at rest and opens it on read, list and update', async () => {
    const s = await t.store.reportSchedules.create({ ...schedule, webhook_secret: 'hunter2-hunter2' });
    expect(s.webhook_secret).toBe('hunter2-hunter2');
    const raw = await rawSecret(t, s.id);
    expect(raw).toMatch(/^sealed:v1:/);
    expect(raw).not.toContain('hunter2');
    expect((await t.store.reportSchedules.get(s.id)).webhook_secret).toBe('hunter2-hunter2');
    expect((await t.store.reportSchedules.list()).items.find((x) => x.id === s.id)?.webhook_secret).toBe(
      'hunter2-hunter2',
    );
    // An update of other fields keeps the sealed secret as it was; a new secret is sealed again.
    await t.store.reportSchedules.update(s.id, { enabled: false });
    expect(await rawSecret(t, s.id)).toBe(raw);
    const changed = await t.store.reportSchedules.update(s.id, { webhook_secret: 'another-secret' });
    expect(changed.webhook_secret).toBe('another-secret');
    expect(await rawSecret(t, s.id)).not.toContain('another');
  });

  it('seals secrets written in clear text before, when the store is migrated', async () => {
    const s = await t.store.reportSchedules.create(schedule);
    await sql`update report_schedules set webhook_secret = ${'legacy-clear-secret'} where id = ${s.id}`.execute(
      t.store.db,
    );
    expect(await t.store.reportSchedules.sealClearSecrets()).toBe(1);
    expect(await rawSecret(t, s.id)).toMatch(/^sealed:v1:/);
    expect((await t.store.reportSchedules.get(s.id)).webhook_secret).toBe('legacy-clear-secret');
    await sql`update report_schedules set webhook_secret = ${'legacy-again-secret'} where id = ${s.id}`.execute(
      t.store.db,
    );
    expect((await t.store.migrate()).applied).toEqual([]);
    expect(await rawSecret(t, s.id)).toMatch(/^sealed:v1:/);
    expect(await t.store.reportSchedules.sealClearSecrets()).toBe(0);
  });

  it('lets one caller claim a fire time', async () => {
    const s = await t.store.reportSchedules.create({ ...schedule, next_run_at: '2026-03-02T08:00:00.000Z' });
    const claims = await Promise.all(
      [1, 2, 3].map(() =>
        t.store.reportSchedules.claimRun(s.id, '2026-03-02T08:00:00.000Z', '2026-03-09T08:00:00.000Z'),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await t.store.reportSchedules.get(s.id)).next_run_at).toBe('2026-03-09T08:00:00.000Z');
    expect(await t.store.reportSchedules.claimRun(s.id, '2026-03-02T08:00:00.000Z', undefined)).toBe(false);
  });

  it('refuses to store or read a secret without an encryption key', async () => {
    if (dialect !== 'sqlite') return;
    const sealed = await t.store.reportSchedules.create({ ...schedule, webhook_secret: 'needs-a-key-1' });
    const keyless = await openStore({ ...t.options, encryptionKey: undefined, auditCheckpointFile: undefined });
    try {
      await expect(keyless.reportSchedules.get(sealed.id)).rejects.toBeInstanceOf(InputError);
      await expect(keyless.reportSchedules.create({ ...schedule, webhook_secret: 'needs-a-key-2' })).rejects.toThrow(
        /no encryption key/,
      );
      expect((await keyless.reportSchedules.create(schedule)).webhook_secret).toBeUndefined();
    } finally {
      await keyless.close();
    }
  });
});
